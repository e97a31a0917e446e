// The API scenario fixture: one real server per test suite, on SQLite or PostgreSQL (KREDA_TEST_BACKEND),
// with an operator account, and the few steps most scenarios start from (a school, a class, a family).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include "support/backend.hpp"
#include "support/http_client.hpp"
#include "support/server_process.hpp"

namespace kreda::test {

struct SchoolAccount {
    std::int64_t school_id = 0;
    std::string admin_login;
    std::string admin_password;
};

struct Family {
    std::int64_t student_id = 0;
    std::int64_t parent_id = 0;
    std::string student_login, student_code;
    std::string parent_login, parent_code;
};

class ApiScenario : public ::testing::Test {
  public:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    static ServerProcess& server();

    static constexpr const char* kOperatorLogin = "root";
    static constexpr const char* kOperatorPassword = "operator-haslo-2026";

    //! A client signed in (status asserted) as a browser, or as an app with a bearer token.
    static HttpClient signed_in(const std::string& login, const std::string& password,
                                const std::string& client = "browser");
    static HttpClient operator_client() { return signed_in(kOperatorLogin, kOperatorPassword); }
    //! Sets an own password after signing in with an activation code; returns the password.
    static std::string activate(const std::string& login, const std::string& code);
    //! A new school with an activated administrator.
    static SchoolAccount create_school(const std::string& name);
    static std::int64_t create_class(HttpClient& office, std::int64_t school_id, const std::string& name);
    //! A student with a new parent (or the given existing parent: a sibling).
    static Family create_family(HttpClient& office, std::int64_t school_id, std::int64_t class_id,
                                const std::string& first_name, const std::string& last_name,
                                std::int64_t existing_parent_id = 0);
    //! A staff account with its activation code: {id, login, code}.
    struct Staff {
        std::int64_t id;
        std::string login, code;
    };
    static Staff create_staff(HttpClient& office, std::int64_t school_id, const std::string& role,
                              const std::string& first_name = "Anna", const std::string& last_name = "Nowak");
    //! The path /api/v1/schools/{id} + rest.
    static std::string school_path(std::int64_t school_id, const std::string& rest = "");

  private:
    static std::unique_ptr<ServerProcess> server_;
};

std::int64_t id_of(const boost::json::value& v, const char* key = "id");
std::string text_of(const boost::json::value& v, const char* key);

}  // namespace kreda::test
