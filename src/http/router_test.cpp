#include "http/router.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace kreda::http {
namespace {

Response ok(Request&) {
    return Response::no_content();
}

TEST(Router, MatchesPathParameters) {
    Router router;
    router.add("GET", "/api/v1/schools/{id}/users/{user_id}", ok);
    Request request;
    request.method = "GET";
    request.path = "/api/v1/schools/12/users/345";
    Match match = router.match(request);
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(request.params["id"], "12");
    EXPECT_EQ(request.params["user_id"], "345");
    EXPECT_EQ(request.id_param("user_id"), 345);
}

TEST(Router, WrongMethodIsToldApartFromUnknownPath) {
    Router router;
    router.add("GET", "/api/v1/me", ok);
    Request post;
    post.method = "POST";
    post.path = "/api/v1/me";
    EXPECT_TRUE(router.match(post).method_not_allowed);
    Request other;
    other.method = "GET";
    other.path = "/api/v1/you";
    Match none = router.match(other);
    EXPECT_EQ(none.route, nullptr);
    EXPECT_FALSE(none.method_not_allowed);
}

TEST(Router, NonNumericIdsAreNotFound) {
    Router router;
    router.add("GET", "/api/v1/students/{id}", ok);
    Request request;
    request.method = "GET";
    request.path = "/api/v1/students/12abc";
    ASSERT_NE(router.match(request).route, nullptr);
    EXPECT_THROW(request.id_param("id"), ApiError);
}

}  // namespace
}  // namespace kreda::http
