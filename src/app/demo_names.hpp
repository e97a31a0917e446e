// Polish names for the demo school (with diacritics, so they show that the whole path keeps UTF-8 intact).
#pragma once

#include <string>

namespace kreda::app {

struct PersonName {
    std::string first;
    std::string last;
};

//! A deterministic name for the n-th person of a given sex; the surname takes the right gender form.
PersonName demo_name(int n, bool female);
//! The family name shared by a child and a parent, in the form for the given sex.
std::string surname_for(int family, bool female);

}  // namespace kreda::app
