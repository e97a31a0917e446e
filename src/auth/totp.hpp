// TOTP second factor (RFC 6238, liboath) and the enrolment QR code (libqrencode, as SVG).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kreda::auth {

//! A new random secret, base32 encoded (160 bits).
std::string new_totp_secret();
//! The time step a code belongs to, when it is valid at `now` (±1 step of 30 s); nothing when wrong.
std::optional<std::int64_t> totp_step_of(std::string_view base32_secret, std::string_view code, std::int64_t now);
//! The code for a given time (tests and the demo use it).
std::string totp_code(std::string_view base32_secret, std::int64_t now);
//! otpauth://totp/Kreda:login?secret=…&issuer=Kreda
std::string otpauth_uri(std::string_view login, std::string_view base32_secret);
//! The QR code of a text as a standalone SVG image.
std::string qr_svg(std::string_view text);

}  // namespace kreda::auth
