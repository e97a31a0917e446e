# The change feed benchmark (issue 6), sourced by bench/run after messages.sh ($base, $work, $server_pid,
# $token of the demo parent, $teacher_token, $assignment (the teacher's, in the child's class), $child,
# $category, js()).
# 1. From a teacher's grade save to the entry's arrival on 1,000 open streams of the affected parent (p50, p99),
#    also from the save's answer (its commit), since a slow fsync of the save itself dominates the p99. One Node
#    client reads all 1000 streams on the same 2 cores: its own serial reading is part of the figure. The first 5
#    saves after the streams open warm both sides up and are not counted (the first one's figure is shown apart).
# 2. The server's memory held by 10,000 idle open streams.
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }

echo "bench: a grade save heard on 1000 open streams"
live=$(node bench/feed_streams.mjs latency "$base" "$token" "$teacher_token" "$assignment" "$child" "$category" 1000 20)
sleep 1  # the first tool's streams close

echo "bench: 10000 idle streams"
rss_before=$(rss_kb)
coproc idle { node bench/feed_streams.mjs idle "$base" "$token" 10000; }
read -r ready <&"${idle[0]}"
sleep 2
rss_idle=$(rss_kb)
exec {idle[1]}>&-
wait "$idle_PID" 2>/dev/null || true
per_stream=$(echo "scale=1; ($rss_idle - $rss_before) / 10000" | bc)

cat <<REPORT | tee -a bench/results.md

## Change feed — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, SQLite
| measure | value | goal |
|---|---|---|
| a grade save (POST /grades, one grade), median / slowest of 20 | $(echo "$live" | js j.save_median_ms) / $(echo "$live" | js j.save_max_ms) ms | |
| save sent → entry on each of 1000 open streams of the child's parent, p50 | $(echo "$live" | js j.arrival_p50_ms) ms | |
| the same, p99 (20 saves × 1000 streams after 5 to warm up; $(echo "$live" | js j.missing) missing in all 25) | $(echo "$live" | js j.arrival_p99_ms) ms | ≤ 50 ms |
| save answered (committed) → entry on each stream, p50 / p99 | $(echo "$live" | js j.after_save_p50_ms) / $(echo "$live" | js j.after_save_p99_ms) ms | |
| the first save after the streams opened (cold, not counted): sent → entry on the last stream | $(echo "$live" | js j.cold_last_ms) ms | |
| server RSS: before → with 10000 idle streams ($ready) | $((rss_before / 1024)) → $((rss_idle / 1024)) MiB (${per_stream} KiB a stream) | |
REPORT
