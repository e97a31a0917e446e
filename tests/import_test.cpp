// Importing a whole school's students and parents from a spreadsheet: all or nothing, errors by line.
#include "support/scenario.hpp"

namespace kreda::test {
namespace {

class StudentImport : public ApiScenario {
  protected:
    static void SetUpTestSuite() {
        ApiScenario::SetUpTestSuite();
        school_ = create_school("SP Import");
    }
    HttpClient office() { return signed_in(school_.admin_login, school_.admin_password, "app"); }
    Response upload(HttpClient& http, const std::string& csv, const std::string& type = "text/csv; charset=utf-8") {
        return http.send_raw("POST", school_path(school_.school_id, "/students/import"), csv, {{"Content-Type", type}});
    }
    static inline SchoolAccount school_;
};

TEST_F(StudentImport, ABadRowIsReportedByLineAndNothingIsImported) {
    HttpClient http = office();
    std::string csv =
        "klasa,numer,imię,nazwisko,imię rodzica,nazwisko rodzica,e-mail rodzica\n"
        "1z,1,Adam,Pierwszy,Anna,Pierwsza,anna@example.pl\n"
        "1z,2,,Bezimienny,Jan,Bezimienny,\n"
        "1z,1,Ola,Druga,Ewa,Druga,\n"
        "1z,x,Iza,Trzecia,Ela,Trzecia,nie-email\n";
    auto refused = upload(http, csv);
    ASSERT_EQ(refused.status, 422) << refused;
    auto fields = refused.json().at("error").at("fields").as_object();
    EXPECT_TRUE(fields.contains("line.3")) << "a missing first name";
    EXPECT_TRUE(fields.contains("line.4")) << "a register number twice in one class";
    EXPECT_TRUE(fields.contains("line.5")) << "a bad number or e-mail";
    EXPECT_FALSE(fields.contains("line.2"));
    auto classes = http.get(school_path(school_.school_id, "/classes")).json();
    for (const auto& c : classes.at("items").as_array())
        EXPECT_NE(c.at("name").as_string(), "1z") << "not even the class was created";
    EXPECT_TRUE(http.get(school_path(school_.school_id, "/students")).json().at("items").as_array().empty());
}

TEST_F(StudentImport, AGoodFileCreatesClassesStudentsParentsAndSiblings) {
    HttpClient http = office();
    std::string csv =
        "\xEF\xBB\xBF"
        "Klasa;Nr;Imię;Nazwisko;Imię rodzica;Nazwisko rodzica;E-mail rodzica\r\n"
        "2a;1;Łucja;Żółkiewska;Halina;Żółkiewska;halina@example.pl\r\n"
        "2a;2;\"Jan, Maria\";Kowalski;Piotr;Kowalski;\r\n"
        "5b;7;Staś;Żółkiewski;Halina;Żółkiewska;HALINA@example.pl\r\n";
    auto imported = upload(http, csv);
    ASSERT_EQ(imported.status, 201) << imported;
    EXPECT_EQ(imported.json().at("imported").as_int64(), 3);
    EXPECT_EQ(imported.json().at("classes_created").as_array().size(), 2u);
    auto students = imported.json().at("students").as_array();
    EXPECT_EQ(students[0].at("parent_login"), students[2].at("parent_login")) << "one mother, two children";
    EXPECT_NE(students[0].at("parent_login"), students[1].at("parent_login"));
    auto listed = http.get(school_path(school_.school_id, "/students")).json().at("items").as_array();
    ASSERT_EQ(listed.size(), 3u);
    bool found = false;
    for (const auto& s : listed)
        if (s.at("first_name").as_string() == "Jan, Maria") {
            found = true;
            EXPECT_EQ(s.at("register_number").as_int64(), 2);
            EXPECT_EQ(s.at("class_name").as_string(), "2a");
        }
    EXPECT_TRUE(found);
    auto again = upload(http, "klasa;numer;imię;nazwisko;imię rodzica;nazwisko rodzica\n2a;1;Nowy;Uczeń;X;Y\n");
    EXPECT_EQ(again.status, 422) << "register number 1 of 2a is taken";
}

TEST_F(StudentImport, MissingColumnsAndWrongTypesAreClearErrors) {
    HttpClient http = office();
    auto no_parent = upload(http, "klasa,imię,nazwisko\n1a,Jan,Nowak\n");
    EXPECT_EQ(no_parent.status, 422);
    EXPECT_TRUE(no_parent.json().at("error").at("fields").as_object().contains("header"));
    EXPECT_EQ(upload(http, "{}", "application/json").status, 415);
    EXPECT_EQ(upload(http, "klasa,imię\n\"unterminated,x\n").status, 422);
}

}  // namespace
}  // namespace kreda::test
