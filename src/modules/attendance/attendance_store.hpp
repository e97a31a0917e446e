// Attendance SQL: types and marks.
#pragma once

#include <map>

#include "modules/attendance/attendance.hpp"

namespace kreda::attendance::store {

std::vector<AttendanceType> types_of(storage::Transaction& tx, std::int64_t school_id);
void insert_type(storage::Transaction& tx, std::int64_t school_id, const AttendanceType& type);
std::map<std::int64_t, std::string> marks_of_lesson(storage::Transaction& tx, std::int64_t lesson_id);
void upsert_mark(storage::Transaction& tx, std::int64_t school_id, std::int64_t lesson_id, std::int64_t student_id,
                 std::int64_t type_id, std::int64_t marked_by);

struct StudentMark {
    std::int64_t lesson_id;
    Date date;
    int lesson_number;
    std::int64_t subject_id;
    std::string subject_name;
    std::string code;
};
std::vector<StudentMark> marks_of_student(storage::Transaction& tx, std::int64_t student_id, Date from, Date to);

}  // namespace kreda::attendance::store
