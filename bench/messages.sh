# The messages benchmark (issue 5), sourced by bench/run after grade_book.sh ($base, $work, $token of the demo
# parent, $admin_token, $school_id, field(), login(), js(), rps(), p99()).
# A message to every parent of a 500-student school: the request's latency (delivery is in the same transaction,
# so every recipient can read it when the request returns) and the p99 of other requests while such messages go.
echo "bench: growing the school to 500 students"
{
    echo "klasa,numer,imię,nazwisko,imię rodzica,nazwisko rodzica"
    for i in $(seq 1 320); do
        echo "$((i % 8 + 1))d,$((i / 8 + 1)),Uczeń$i,Testowy$i,Rodzic$i,Testowy$i"
    done
} >"$work/students.csv"
curl -s -o /dev/null -X POST "$base/api/v1/schools/$school_id/students/import" \
    -H "Authorization: Bearer $admin_token" -H 'Content-Type: text/csv' --data-binary "@$work/students.csv"
secretary_token=$(login "$(field secretary login)" "$(field secretary password)" | js j.token)
curl -s "$base/api/v1/messages/recipients" -H "Authorization: Bearer $secretary_token" |
    js "JSON.stringify({to:j.items.filter(g=>g.kind==='class_parents').map(g=>g.key),subject:'Zebrania z rodzicami',body:'Zapraszamy wszystkich rodziców na zebrania we wtorek o 17:30.'})" \
    >"$work/message.json"
recipients=$(curl -s -X POST "$base/api/v1/messages" -H "Authorization: Bearer $secretary_token" \
    -H 'Content-Type: application/json' --data-binary "@$work/message.json" | js j.recipients)
latencies=()
for _ in 1 2 3 4 5; do
    latencies+=("$(curl -s -o /dev/null -w '%{time_total}' -X POST "$base/api/v1/messages" \
        -H "Authorization: Bearer $secretary_token" -H 'Content-Type: application/json' \
        --data-binary "@$work/message.json")")
done
median_ms=$(printf '%s\n' "${latencies[@]}" | sort -n | sed -n 3p | awk '{printf "%.1f", $1 * 1000}')

echo "bench: /me while messages to every parent go, ${DURATION}s"
me_quiet=$(wrk -t1 -c8 -d"${DURATION}s" --latency -H "Authorization: Bearer $token" "$base/api/v1/me" | p99)
wrk -t1 -c1 -d"${DURATION}s" --latency -s bench/message.lua "$base" -- "$secretary_token" "$work/message.json" \
    >"$work/sending.txt" &
sender=$!
me_busy=$(wrk -t1 -c8 -d"${DURATION}s" --latency -H "Authorization: Bearer $token" "$base/api/v1/me" | p99)
wait $sender
sent_rps=$(rps <"$work/sending.txt")

cat <<REPORT | tee -a bench/results.md

## Messages — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, SQLite, ${DURATION}s
| measure | value | goal |
|---|---|---|
| a message to every parent (${recipients} recipients, one request, one transaction), median of 5 | ${median_ms} ms; readable by all on return | |
| such messages back to back | ${sent_rps} req/s | |
| GET /me p99 (c=8), quiet → while they go | ${me_quiet} → ${me_busy} | |
REPORT
