-- wrk reporter: requests per second, p50 and p95 latency in milliseconds, errors, on one line.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    "rps=%.1f p50_ms=%.1f p95_ms=%.1f requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.requests, errors))
end
