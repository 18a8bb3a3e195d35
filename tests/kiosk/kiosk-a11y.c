/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk runs in the test's process, as in every kiosk test, so that
 * the test drives it with its widgets. libatspi, though, makes blocking
 * D-Bus calls that only the kiosk's own main loop answers: a walk in this
 * process would wait for itself. A worker thread would share libatspi's
 * connection with GLib's default context, which the main thread iterates,
 * and libatspi is not thread-safe. So the walk is a program of its own
 * (a11y-walk), and the test iterates its main loop until it has finished. */
#define G_LOG_DOMAIN "test-a11y"

#include "kiosk-a11y.h"

#include <unistd.h>

#include "kiosk-helpers.h"

static GString *problems;
static guint pages;

typedef struct
{
  GSubprocess *process;
  char        *out;
  char        *err;
  gboolean     done;
} Run;

static void
communicated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

static gboolean
run_done (LhWindow *window, gconstpointer run)
{
  return ((const Run *) run)->done;
}

void
kiosk_a11y_walk (LhWindow           *window,
                 KioskA11yCheck      check,
                 const char         *page,
                 const char * const *allowed)
{
  const char *walker = g_getenv ("A11Y_WALK");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  Run run = { 0 };

  g_assert_nonnull (walker);
  /* Whatever is still drawing or loading settles first. */
  kiosk_wait_for (window, kiosk_laid_out, NULL, "the page to settle");
  kiosk_spin (300);

  g_ptr_array_add (argv, g_strdup (walker));
  g_ptr_array_add (argv, g_strdup (check == KIOSK_A11Y_NAMES ? "names" : "markers"));
  g_ptr_array_add (argv, g_strdup_printf ("%d", (int) getpid ()));
  for (guint i = 0; allowed != NULL && allowed[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (allowed[i]));
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated, &run);
  /* Longer than kiosk_wait_for()'s 20 s: a page of 500 nodes is a few
   * thousand round trips. */
  if (!kiosk_wait_at_most (window, run_done, &run, 120 * 1000))
    g_error ("The walk of page %s did not end", page);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("The walk of page %s failed: %s", page, run.err);
  g_test_message ("page %s: %s", page, run.err);

  if (problems == NULL)
    problems = g_string_new (NULL);
  if (run.out != NULL && *run.out != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (g_strchomp (run.out), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (problems, "%s: %s\n", page, lines[i]);
    }
  pages++;
  g_free (run.out);
  g_free (run.err);
}

char *
kiosk_a11y_problems (void)
{
  return problems != NULL && problems->len > 0 ? g_strdup (problems->str) : NULL;
}

guint
kiosk_a11y_pages (void)
{
  return pages;
}
