# The grade book benchmark (issue 4), sourced by bench/run after school_week.sh ($base, $work, $token of the demo
# parent, $admin_token, $school_id, field(), login(), rps(), p99()).
# 1. A parent's grades view of a child with a full year (15 subjects × 25 grades) against /healthz in one run,
#    plain and gzipped as browsers ask for it.
# 2. A 30-pupil column saved in one transaction (POST /api/v1/grades), its p99 while families read their grades.
js() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const j=JSON.parse(s);console.log($1)})"; }
api() { curl -s "$@" -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json'; }

teacher_token=$(login "$(field teacher login)" "$(field teacher password)" | js j.token)
teacher_id=$(curl -s "$base/api/v1/me" -H "Authorization: Bearer $teacher_token" | js j.user.id)
child=$(curl -s "$base/api/v1/me" -H "Authorization: Bearer $token" | js j.students[0].id)
child_class=$(curl -s "$base/api/v1/students/$child/grades" -H "Authorization: Bearer $token" | js j.student.class_id)
class_8a=$(api "$base/api/v1/schools/$school_id/classes" | js "j.items.find(c=>c.name==='8a').id")
subjects=$(api "$base/api/v1/schools/$school_id/subjects" | js "j.items.slice(0,15).map(s=>s.id).join(' ')")
category=$(api "$base/api/v1/schools/$school_id/grade-categories" | js "j.items.find(c=>c.name==='Kartkówka').id")
month_ago=$(date -d '-30 days' +%F)

# Give the child's class 15 subjects of 25 grades each: the demo teacher takes every subject there and fills it.
echo "bench: filling a full year of grades for the parent's child"
for subject in $subjects; do
    assignment=$(api -X POST "$base/api/v1/schools/$school_id/assignments" \
        -d "{\"teacher_id\":$teacher_id,\"subject_id\":$subject,\"class_id\":$child_class}" | js j.id)
    curl -s "$base/api/v1/assignments/$assignment/gradebook" -H "Authorization: Bearer $teacher_token" |
        js "JSON.stringify({assignment_id:$assignment,columns:Array.from({length:18},(_,c)=>({category_id:$category,date:'$month_ago',description:'bench '+c,grades:j.students.map((s,i)=>({student_id:s.id,value:['3','4+','5','2','4','5-','6','3+'][(i+c)%8]}))}))})" \
        >"$work/fill.json"
    curl -s -o /dev/null -X POST "$base/api/v1/grades" -H "Authorization: Bearer $teacher_token" \
        -H 'Content-Type: application/json' --data-binary "@$work/fill.json"
done
grades_url="$base/api/v1/students/$child/grades"
grade_count=$(curl -s "$grades_url" -H "Authorization: Bearer $token" | js "j.subjects.reduce((n,s)=>n+s.grades.length,0)")
subject_count=$(curl -s "$grades_url" -H "Authorization: Bearer $token" | js "j.subjects.length")
view_bytes=$(curl -s "$grades_url" -H "Authorization: Bearer $token" | wc -c)
gzip_bytes=$(curl -s "$grades_url" -H "Authorization: Bearer $token" -H 'Accept-Encoding: gzip' | wc -c)

# The column: the demo teacher's new assignment in 8a, the class of 30.
assignment_8a=$(api -X POST "$base/api/v1/schools/$school_id/assignments" \
    -d "{\"teacher_id\":$teacher_id,\"subject_id\":${subjects%% *},\"class_id\":$class_8a}" | js j.id)
curl -s "$base/api/v1/assignments/$assignment_8a/gradebook" -H "Authorization: Bearer $teacher_token" |
    js "JSON.stringify({assignment_id:$assignment_8a,columns:[{category_id:$category,date:'$month_ago',grades:j.students.map((s,i)=>({student_id:s.id,value:['3','4+','5','2','4','5-'][i%6]}))}]})" \
    >"$work/column.json"
column_size=$(node -e "console.log(require('$work/column.json').columns[0].grades.length)")

echo "bench: grades view and a column under load, ${DURATION}s each"
healthz3=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "$base/healthz" | rps)
view=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $token" "$grades_url" | rps)
# As browsers ask for it: every browser sends Accept-Encoding: gzip (the shared part is compressed once).
view_gzip=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $token" -H 'Accept-Encoding: gzip' \
    "$grades_url" | rps)
wrk -t1 -c16 -d"${DURATION}s" -H "Authorization: Bearer $token" "$grades_url" >/dev/null &
readers=$!
column_out=$(wrk -t1 -c4 -d"${DURATION}s" --latency -s bench/column.lua "$base" -- "$teacher_token" "$work/column.json")
wait $readers
column_rps=$(echo "$column_out" | rps)
column_p99=$(echo "$column_out" | p99)

cat <<REPORT | tee -a bench/results.md

## Grade book — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, SQLite, wrk -t1 -c$CONNECTIONS, ${DURATION}s
| measure | value | goal |
|---|---|---|
| GET /healthz | ${healthz3} req/s | |
| parent's grades view (${subject_count} subjects, ${grade_count} grades, ${view_bytes} bytes) | ${view} req/s ($(echo "scale=2; $view / $healthz3" | bc) of /healthz) | ≥ 0.30 |
| the same as browsers ask for it (Accept-Encoding: gzip, ${gzip_bytes} bytes) | ${view_gzip} req/s ($(echo "scale=2; $view_gzip / $healthz3" | bc) of /healthz) | ≥ 0.30 |
| a column of ${column_size} grades (one transaction, audited) under 16 readers | ${column_rps} req/s, p99 ${column_p99} | |
REPORT
