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

#include <glib/gi18n.h>
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

static gboolean
is_spinning (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SPINNER (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget));
}

/* Nothing still loading. */
static gboolean
loaded (LhWindow *window, gconstpointer data)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_spinning, NULL) == NULL &&
         kiosk_label_gone (window, _("Getting things ready…"));
}

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

/* GTK 4.8 presents every visible widget over AT-SPI, the pages of a
 * stack not shown included, and never says which are on the screen. As
 * the other kiosk tests do, only what is mapped counts: what is not is
 * hidden from the walk while it runs. */
static void
hide_unmapped (GtkWidget *widget,
               GPtrArray *hidden)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (!gtk_widget_get_mapped (widget))
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      g_ptr_array_add (hidden, g_object_ref (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    hide_unmapped (child, hidden);
}

static void
show_again (GtkWidget *widget)
{
  gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN);
  g_object_unref (widget);
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
  g_autoptr(GPtrArray) hidden = g_ptr_array_new_with_free_func ((GDestroyNotify) show_again);
  Run run = { 0 };

  g_assert_nonnull (walker);
  /* Whatever is still drawing or loading settles first. */
  kiosk_wait_for (window, loaded, NULL, "the page to load");
  kiosk_wait_for (window, kiosk_laid_out, NULL, "the page to settle");
  kiosk_spin (300);
  hide_unmapped (GTK_WIDGET (window), hidden);

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
  g_test_message ("page %s: %s%s", page, run.err, run.out);

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
