# The school-week benchmark (issue 3), sourced by bench/run with $base, $work, field(), login(), rps(), p99().
# A student with the year's marks so far: the week view and the attendance statistics against /healthz in the
# same run; a teacher's lesson record for the whole class, its p99 while families read their weeks.
student_token=$(login "$(field student login)" "$(field student password)" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).token))")
student_id=$(curl -s "$base/api/v1/me" -H "Authorization: Bearer $student_token" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).students[0].id))")
marks=$(curl -s "$base/api/v1/students/$student_id/attendance" -H "Authorization: Bearer $student_token" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).marks.length))")
week_url="$base/api/v1/students/$student_id/timetable?week=$(date +%F)"
attendance_url="$base/api/v1/students/$student_id/attendance"

echo "bench: week view and attendance statistics, ${DURATION}s each"
healthz2=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "$base/healthz" | rps)
week=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $student_token" "$week_url" | rps)
attendance=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $student_token" "$attendance_url" | rps)

echo "bench: a lesson record under load"
# The office records a lesson of 8a, the demo's class of 30 (the office may record any lesson).
admin_token=$(login "$(field admin login)" "$(field admin password)" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).token))")
teacher_token=$admin_token
school_id=$(curl -s "$base/api/v1/me" -H "Authorization: Bearer $admin_token" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).school.id))")
class_id=$(curl -s "$base/api/v1/schools/$school_id/classes" -H "Authorization: Bearer $admin_token" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).items.find(c=>c.name==='8a').id))")
pupil=$(curl -s "$base/api/v1/schools/$school_id/students?class_id=$class_id" -H "Authorization: Bearer $admin_token" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).items[0].id))")
lesson_id=$(curl -s "$base/api/v1/students/$pupil/lessons" -H "Authorization: Bearer $admin_token" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const i=JSON.parse(s).items.filter(l=>l.subject.short_name!=='ang');console.log(i[i.length-1].id)})")
curl -s "$base/api/v1/lessons/$lesson_id" -H "Authorization: Bearer $teacher_token" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const l=JSON.parse(s);console.log(JSON.stringify({topic:'Powtórzenie przed sprawdzianem',curriculum_number:42,attendance:l.students.map((x,i)=>({student_id:x.id,code:i%9?'ob':'nb'}))}))})" >"$work/record.json"
class_size=$(node -e "console.log(require('$work/record.json').attendance.length)")
wrk -t1 -c16 -d"${DURATION}s" -H "Authorization: Bearer $student_token" "$week_url" >/dev/null &
readers=$!
record_out=$(wrk -t1 -c4 -d"${DURATION}s" --latency -s bench/record.lua "$base" -- "$teacher_token" "$lesson_id" "$work/record.json")
wait $readers
record_rps=$(echo "$record_out" | rps)
record_p99=$(echo "$record_out" | p99)

cat <<REPORT | tee -a bench/results.md

## School week — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, SQLite, wrk -t1 -c$CONNECTIONS, ${DURATION}s
| measure | value | goal |
|---|---|---|
| GET /healthz | ${healthz2} req/s | |
| student's week view (plan + changes + free days resolved) | ${week} req/s ($(echo "scale=2; $week / $healthz2" | bc) of /healthz) | |
| student's attendance with statistics (${marks} marks) | ${attendance} req/s ($(echo "scale=2; $attendance / $healthz2" | bc) of /healthz) | |
| lesson record (topic + ${class_size} marks, one transaction) under 16 readers | ${record_rps} req/s, p99 ${record_p99} | |
REPORT
