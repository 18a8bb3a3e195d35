/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bench-soak-stats.h"
#include "lh-bench-centre.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static const char * const kind_names[SOAK_N_KINDS] = {
  "sign-in", "home (my bookings)", "availability", "book a PC", "cancel a booking", "group sessions",
  "join a group", "leave a group", "ask for advice", "leave the queue", "report a fault", "sign out",
  "ULR: requests", "ULR: queue", "ULR: drop-ins", "committee: site report", "committee: meetings",
  "committee: action plan",
};

typedef struct
{
  guint  ok, refused, failed;
  GArray *latencies;  /* microseconds, gint64 */
  GArray *at;         /* when each was sent, microseconds from the start */
} Kind;

/* A PIN check (Argon2id) holds tens of MiB while it runs and gives them
 * back, and each kiosk's connection is a descriptor while in flight: what
 * would show a leak is the floor, the least seen in a window, read every
 * second; the most is shown beside it. */
typedef struct
{
  double seconds, rate, p50, p99;
  guint  failed;
  guint  fds_min, fds_max;
  gint64 rss_min, rss_max;  /* KiB */
  gint64 heap_min, heap_max;  /* KiB, without the PIN checks' buffers */
} Sample;

static GMutex  lock;
static Kind    kinds[SOAK_N_KINDS];
static GArray *window;   /* latencies since the last sample */
static GArray *samples;  /* Sample */
static GString *refusal_reasons;
static guint   logged;
static char   *pid;
static gint64  started, last_sample;
static guint   failed_total;
static Sample  current;  /* the floor and peak of the window so far */

void
soak_stats_init (const char *daemon_pid)
{
  pid = g_strdup (daemon_pid);
  for (guint k = 0; k < SOAK_N_KINDS; k++)
    {
      kinds[k].latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
      kinds[k].at = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  window = g_array_new (FALSE, FALSE, sizeof (gint64));
  samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  refusal_reasons = g_string_new (NULL);
}

static guint
open_fds (void)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/fd", pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Resident KiB of the daemon's mappings but those the size of one or more
 * PIN checks' Argon2id working memory (libsodium maps it for each check
 * and unmaps it after; two side by side show as one mapping): what is
 * left is what could leak. */
static gint64
rss_kb_without_pin_checks (void)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/smaps", pid);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 total = 0, size = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Size:"))
      size = g_ascii_strtoll (lines[i] + 5, NULL, 10);
    else if (g_str_has_prefix (lines[i], "Rss:") && size % (crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024) != 0)
      total += g_ascii_strtoll (lines[i] + 4, NULL, 10);
  return total;
}

static gint64
rss_kb (void)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *text = NULL;
  const char *at;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (at = strstr (text, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoll (at + 6, NULL, 10);
}

static void
reset_window (void)
{
  current.fds_min = G_MAXUINT;
  current.fds_max = 0;
  current.rss_min = G_MAXINT64;
  current.rss_max = 0;
  current.heap_min = G_MAXINT64;
  current.heap_max = 0;
}

void
soak_stats_poll (void)
{
  guint fds = open_fds ();
  gint64 rss = rss_kb ();
  gint64 heap = rss_kb_without_pin_checks ();

  current.fds_min = MIN (current.fds_min, fds);
  current.fds_max = MAX (current.fds_max, fds);
  current.rss_min = MIN (current.rss_min, rss);
  current.rss_max = MAX (current.rss_max, rss);
  current.heap_min = MIN (current.heap_min, heap);
  current.heap_max = MAX (current.heap_max, heap);
}

void
soak_stats_start (void)
{
  Sample s = { 0 };

  reset_window ();
  soak_stats_poll ();
  s.fds_min = current.fds_min;
  s.fds_max = current.fds_max;
  s.rss_min = current.rss_min;
  s.rss_max = current.rss_max;
  s.heap_min = current.heap_min;
  s.heap_max = current.heap_max;
  reset_window ();
  started = last_sample = g_get_monotonic_time ();
  g_array_append_val (samples, s);
  g_print ("| s | requests/s | p50 ms | p99 ms | descriptors (least-most) | VmRSS MiB (least-most) "
           "| RSS but PIN checks, MiB (least-most) | failed |\n|---|---|---|---|---|---|---|---|\n");
}

/* A refusal is the daemon saying no for a reason the kiosk words (a clash,
 * a limit, a lock): a normal outcome. Anything else not 2xx, a 5xx or no
 * answer above all, is a failure. */
static gboolean
is_refusal (guint status, const char *body)
{
  return (status == 404 || status == 409 || status == 422 || status == 429) && strstr (body, "\"reason\"") != NULL;
}

static void
note_reason (SoakKind kind, const char *body)
{
  const char *at = strstr (body, "\"reason\"");
  g_autofree char *key = NULL;
  const char *q1, *q2;

  if (at == NULL || (q1 = strchr (at + 8, '"')) == NULL || (q2 = strchr (q1 + 1, '"')) == NULL)
    return;
  key = g_strdup_printf ("%s: %.*s;", kind_names[kind], (int) (q2 - q1 - 1), q1 + 1);
  if (strstr (refusal_reasons->str, key) == NULL)
    g_string_append (refusal_reasons, key);
}

void
soak_stats_record (SoakKind kind, guint status, const char *body, gint64 us)
{
  gint64 at = g_get_monotonic_time () - us - started;

  g_mutex_lock (&lock);
  g_array_append_val (kinds[kind].latencies, us);
  g_array_append_val (kinds[kind].at, at);
  g_array_append_val (window, us);
  if (status >= 200 && status < 300)
    kinds[kind].ok++;
  else if (is_refusal (status, body))
    {
      kinds[kind].refused++;
      note_reason (kind, body);
    }
  else
    {
      kinds[kind].failed++;
      failed_total++;
      if (logged++ < 20)
        g_printerr ("FAILED %s: status %u: %.200s\n", kind_names[kind], status, body);
    }
  g_mutex_unlock (&lock);
}

void
soak_stats_sample (void)
{
  Sample s;
  gint64 now = g_get_monotonic_time ();

  g_mutex_lock (&lock);
  g_array_sort (window, lh_bench_compare_gint64);
  s.seconds = (now - started) / (double) G_USEC_PER_SEC;
  s.rate = window->len / ((now - last_sample) / (double) G_USEC_PER_SEC);
  s.p50 = lh_bench_percentile_ms (window, 0.50);
  s.p99 = lh_bench_percentile_ms (window, 0.99);
  s.failed = failed_total;
  g_array_set_size (window, 0);
  g_mutex_unlock (&lock);
  s.fds_min = current.fds_min;
  s.fds_max = current.fds_max;
  s.rss_min = current.rss_min;
  s.rss_max = current.rss_max;
  s.heap_min = current.heap_min;
  s.heap_max = current.heap_max;
  reset_window ();
  last_sample = now;
  g_array_append_val (samples, s);
  g_print ("| %4.0f | %6.1f | %7.2f | %8.2f | %3u-%3u | %6.1f-%6.1f | %6.1f-%6.1f | %u |\n", s.seconds, s.rate,
           s.p50, s.p99, s.fds_min, s.fds_max, s.rss_min / 1024.0, s.rss_max / 1024.0, s.heap_min / 1024.0,
           s.heap_max / 1024.0, s.failed);
}

static void
third_means (guint first, guint last, double *fds, double *rss)
{
  *fds = *rss = 0;
  for (guint i = first; i < last; i++)
    {
      const Sample *s = &g_array_index (samples, Sample, i);

      *fds += s->fds_min;
      *rss += s->heap_min;
    }
  *fds /= MAX (last - first, 1);
  *rss /= MAX (last - first, 1);
}

/* p99 of a kind's requests sent in [from, to) microseconds. */
static double
p99_between (Kind *kind, gint64 from, gint64 to)
{
  g_autoptr(GArray) some = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < kind->at->len; i++)
    {
      gint64 at = g_array_index (kind->at, gint64, i);

      if (at >= from && at < to)
        g_array_append_val (some, g_array_index (kind->latencies, gint64, i));
    }
  g_array_sort (some, lh_bench_compare_gint64);
  return lh_bench_percentile_ms (some, 0.99);
}

gboolean
soak_stats_report (double bare_p50_ms, double pin_check_ms)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) rest = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint ok = 0, refused = 0, failed = 0, n = samples->len - 1;
  double elapsed = (last_sample - started) / (double) G_USEC_PER_SEC;
  double mid_fds, mid_rss, last_fds, last_rss;
  gboolean fds_hold, rss_hold;

  gint64 third = (last_sample - started) / 3;

  g_print ("\n| kind | done | refused | failed | p50 ms | p99 ms | p99 ms by thirds |\n"
           "|---|---|---|---|---|---|---|\n");
  for (guint k = 0; k < SOAK_N_KINDS; k++)
    {
      Kind *kind = &kinds[k];
      double thirds[3];

      for (int t = 0; t < 3; t++)
        thirds[t] = p99_between (kind, t * third, t < 2 ? (t + 1) * third : G_MAXINT64);
      g_array_sort (kind->latencies, lh_bench_compare_gint64);
      g_array_append_vals (all, kind->latencies->data, kind->latencies->len);
      if (k != SOAK_SIGN_IN)
        g_array_append_vals (rest, kind->latencies->data, kind->latencies->len);
      g_print ("| %s | %u | %u | %u | %.2f | %.2f | %.1f / %.1f / %.1f |\n", kind_names[k], kind->ok, kind->refused,
               kind->failed, lh_bench_percentile_ms (kind->latencies, 0.50),
               lh_bench_percentile_ms (kind->latencies, 0.99), thirds[0], thirds[1], thirds[2]);
      ok += kind->ok;
      refused += kind->refused;
      failed += kind->failed;
    }
  g_array_sort (all, lh_bench_compare_gint64);
  g_print ("| all | %u | %u | %u | %.2f | %.2f | |\n", ok, refused, failed, lh_bench_percentile_ms (all, 0.50),
           lh_bench_percentile_ms (all, 0.99));
  g_array_sort (rest, lh_bench_compare_gint64);
  g_print ("| all but sign-in | %u | %u | %u | %.2f | %.2f | |\n", ok - kinds[SOAK_SIGN_IN].ok,
           refused - kinds[SOAK_SIGN_IN].refused, failed - kinds[SOAK_SIGN_IN].failed,
           lh_bench_percentile_ms (rest, 0.50), lh_bench_percentile_ms (rest, 0.99));
  g_print ("\nRefusals seen (kind: reason): %s\n", refusal_reasons->str);
  g_print ("\n%u requests in %.0f s: %.1f/s; p50 %.2f ms = %.1f x the bare health round trip (%.2f ms)\n",
           all->len, elapsed, all->len / elapsed, lh_bench_percentile_ms (all, 0.50),
           lh_bench_percentile_ms (all, 0.50) / bare_p50_ms, bare_p50_ms);
  g_print ("All but sign-in: p50 %.2f ms = %.1f x the bare health round trip; sign-in: p50 %.0f ms = %.1f x a bare "
           "PIN check (%.0f ms)\n", lh_bench_percentile_ms (rest, 0.50),
           lh_bench_percentile_ms (rest, 0.50) / bare_p50_ms, lh_bench_percentile_ms (kinds[SOAK_SIGN_IN].latencies, 0.50),
           lh_bench_percentile_ms (kinds[SOAK_SIGN_IN].latencies, 0.50) / pin_check_ms, pin_check_ms);
  g_print ("Sign-ins: %.2f/s, %.0f %% of the %.2f/s two PIN checks at a time allow\n",
           kinds[SOAK_SIGN_IN].latencies->len / elapsed,
           100 * kinds[SOAK_SIGN_IN].latencies->len / elapsed / (2000 / pin_check_ms), 2000 / pin_check_ms);

  /* samples[0] is at the start; 1..n every 10 s. */
  third_means (1 + n / 3, 1 + 2 * n / 3, &mid_fds, &mid_rss);
  third_means (1 + 2 * n / 3, 1 + n, &last_fds, &last_rss);
  /* Floors: 2 descriptors of slack (a log or a WAL file opened), 5 % of
   * memory (the allocator's arenas settle); memory without the PIN
   * checks' buffers, which come and go with the sign-ins. */
  fds_hold = last_fds <= mid_fds + 2;
  rss_hold = last_rss <= mid_rss * 1.05;
  g_print ("Open descriptors (floor of each 10 s), mean of the middle third %.1f, of the last third %.1f "
           "(allowed: +2): %s\n", mid_fds, last_fds, fds_hold ? "do not grow" : "GROW");
  g_print ("RSS but PIN checks (floor of each 10 s), mean of the middle third %.1f MiB, of the last third %.1f MiB "
           "(allowed: +5 %%): %s\n",
           mid_rss / 1024, last_rss / 1024, rss_hold ? "does not grow" : "GROWS");
  g_print ("Failures (5xx, no answer, or a status not expected): %u\n", failed);
  g_print ("Verdict: %s\n", fds_hold && rss_hold && failed == 0 ? "PASS" : "FAIL");
  return fds_hold && rss_hold && failed == 0;
}
