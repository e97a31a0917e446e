// Serves the built web app: hashed assets cached for a year, index.html revalidated, .br/.gz when present,
// and index.html for any other path so that the app's own routes load.
#pragma once

#include <filesystem>

#include "http/message.hpp"

namespace kreda::http {

class StaticFiles {
  public:
    explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}
    Response serve(const Request& request) const;

  private:
    std::filesystem::path root_;
};

}  // namespace kreda::http
