// The background sender of queued pushes (see push_sender.cpp).
#pragma once

namespace kreda::push {

//! Wakes this process's push sender (after a commit that queued pushes).
void wake_sender();

}  // namespace kreda::push
