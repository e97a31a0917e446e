// SQL of excuses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "storage/database.hpp"

namespace kreda::attendance::store {

struct ExcuseRow {
    std::int64_t id = 0, school_id = 0, student_id = 0, submitted_by = 0;
    std::string reason, note, status, comment;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> decided_by, decided_at;
};

struct ExcusableMark {
    std::int64_t lesson_id;
    Date date;
    int lesson_number;
    std::string subject_name;
    std::string code;
};

//! The student's marks on given lessons or dates, with their codes.
std::vector<ExcusableMark> marks_for_excuse(storage::Transaction& tx, std::int64_t student_id);
//! Lessons already in a pending or accepted excuse of this student.
std::vector<std::int64_t> lessons_already_excused(storage::Transaction& tx, std::int64_t student_id);
std::int64_t insert_excuse(storage::Transaction& tx, const ExcuseRow& row, const std::vector<std::int64_t>& lesson_ids);
std::optional<ExcuseRow> find_excuse(storage::Transaction& tx, std::int64_t excuse_id);
std::vector<ExcuseRow> excuses_of_student(storage::Transaction& tx, std::int64_t student_id);
std::vector<ExcuseRow> excuses_of_school(storage::Transaction& tx, std::int64_t school_id, const std::string& status);
std::vector<std::int64_t> lessons_of_excuse(storage::Transaction& tx, std::int64_t excuse_id);
void decide(storage::Transaction& tx, std::int64_t excuse_id, const std::string& status, const std::string& comment,
            std::int64_t decided_by, std::int64_t now);
//! Sets the student's mark on a lesson to the school's type with this code.
void set_mark_code(storage::Transaction& tx, std::int64_t school_id, std::int64_t lesson_id, std::int64_t student_id,
                   const std::string& code, std::int64_t marked_by);

}  // namespace kreda::attendance::store
