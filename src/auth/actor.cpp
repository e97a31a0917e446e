#include "auth/actor.hpp"

#include <array>
#include <utility>

namespace kreda::auth {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 9> kNames = {{
    {Role::Operator, "operator"},
    {Role::Admin, "admin"},
    {Role::Director, "director"},
    {Role::Secretary, "secretary"},
    {Role::Teacher, "teacher"},
    {Role::Pedagogue, "pedagogue"},
    {Role::Parent, "parent"},
    {Role::Student, "student"},
    {Role::Family, "family"},
}};
}

std::string_view to_string(Role role) {
    for (auto [r, name] : kNames)
        if (r == role) return name;
    return "unknown";
}

std::optional<Role> parse_role(std::string_view text) {
    for (auto [r, name] : kNames)
        if (name == text) return r;
    return std::nullopt;
}

bool is_office(Role role) {
    return role == Role::Admin || role == Role::Director || role == Role::Secretary;
}

bool is_staff(Role role) {
    return role != Role::Operator && role != Role::Parent && role != Role::Student && role != Role::Family;
}

}  // namespace kreda::auth
