/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tab on a physical keyboard (issue 15): on the sign-in page, the home
 * page and the booking page, Tab goes through every visible control that
 * can be used, in reading order (top to bottom, start to end), and comes
 * back round to the first: it never stops on something hidden, greyed
 * out or not a control, and is never caught in a corner of the page.
 * Keys are pressed through the X server (kiosk-keys.c), as a real
 * keyboard's are. */
#define G_LOG_DOMAIN "test-tab-order"

#include <adwaita.h>

#include "kiosk-helpers.h"
#include "kiosk-keys.h"
#include "lh-test-daemon.h"

/* More Tabs than this and the focus is caught somewhere (the booking
 * page has a button for every free hour of every PC). */
#define MAX_TABS 400
/* Rounding: a control a pixel or two above the last is still below it. */
#define SLACK_PX 4

static LhTestDaemon *centre;  /* (owned) */

/* Something a person can use with the keyboard. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_TEXT (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SCALE (widget) ||
         (GTK_IS_LIST_BOX_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)));
}

/* Where a person sees it, and the control itself: mapped, usable, and
 * not inside something greyed out. */
static gboolean
is_usable (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_is_sensitive (widget) && gtk_widget_get_focusable (widget) &&
         gtk_widget_get_can_focus (widget) && gtk_widget_get_child_visible (widget);
}

static gboolean page_bounds (GtkWidget *widget, GtkWidget *window, graphene_rect_t *bounds);

static char *
describe (GtkWidget *widget,
          GtkWidget *window)
{
  graphene_rect_t bounds = { 0 };
  g_autoptr(GString) words = g_string_new (NULL);

  if (!page_bounds (widget, window, &bounds))
    graphene_rect_init (&bounds, -1, -1, 0, 0);
  kiosk_find_widget (widget, kiosk_collect_label, words);
  return g_strdup_printf ("%s %s at %g,%g %g×%g", G_OBJECT_TYPE_NAME (widget), words->str,
                          bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
}

static gboolean
collect_usable (GtkWidget *widget, gconstpointer data)
{
  if (is_control (widget) && is_usable (widget))
    g_ptr_array_add ((GPtrArray *) data, widget);
  return FALSE;
}

/* Where the widget is on the page, wherever the page is scrolled to:
 * Tab scrolls the page to show what it focuses. */
static gboolean
page_bounds (GtkWidget       *widget,
             GtkWidget       *window,
             graphene_rect_t *bounds)
{
  if (!gtk_widget_compute_bounds (widget, window, bounds))
    return FALSE;
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    if (GTK_IS_SCROLLED_WINDOW (up))
      {
        bounds->origin.x += gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (up)));
        bounds->origin.y += gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (up)));
      }
  return TRUE;
}

/* b comes after a when read: on the same line further on (towards the
 * end of the line in the language's direction), or on a line below. */
static gboolean
reads_after (GtkWidget *a,
             GtkWidget *b,
             GtkWidget *window)
{
  graphene_rect_t ra, rb;
  gboolean rtl = gtk_widget_get_direction (window) == GTK_TEXT_DIR_RTL;

  g_assert_true (page_bounds (a, window, &ra));
  g_assert_true (page_bounds (b, window, &rb));
  /* Same line: their heights overlap. */
  if (rb.origin.y < ra.origin.y + ra.size.height - SLACK_PX && ra.origin.y < rb.origin.y + rb.size.height - SLACK_PX)
    return rtl ? rb.origin.x + rb.size.width <= ra.origin.x + SLACK_PX
               : rb.origin.x >= ra.origin.x + ra.size.width - SLACK_PX;
  return rb.origin.y >= ra.origin.y + ra.size.height - SLACK_PX;
}

/* Tabs round the page once and checks every step. what: the page, for
 * messages. */
static void
assert_tab_order (LhWindow   *window,
                  const char *what)
{
  g_autoptr(GPtrArray) usable = g_ptr_array_new ();
  g_autoptr(GPtrArray) visited = g_ptr_array_new ();
  g_autoptr(GString) path = g_string_new (NULL);
  GtkWidget *first = NULL, *last = NULL;
  GtkWidget *root = GTK_WIDGET (window);

  kiosk_wait_for (window, kiosk_laid_out, NULL, "the page laid out");
  kiosk_find_widget (root, collect_usable, usable);
  g_assert_cmpuint (usable->len, >, 0);
  /* From nothing focused: the first Tab is the start of the page. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);

  for (guint tab = 0;; tab++)
    {
      GtkWidget *focus;
      g_autofree char *here = NULL;

      if (tab == MAX_TABS)
        g_error ("%s: Tab never came back round to the first control:\n%s", what, path->str);
      kiosk_send_key (window, GDK_KEY_Tab);
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      if (focus == NULL)
        g_error ("%s: Tab left nothing focused, after:\n%s", what, path->str);
      here = describe (focus, root);
      g_string_append_printf (path, "  %s\n", here);
      if (focus == first)
        break;
      if (!is_control (focus) || !is_usable (focus))
        g_error ("%s: Tab went to something that is not a usable control:\n%s", what, path->str);
      if (g_ptr_array_find (visited, focus, NULL))
        g_error ("%s: Tab is caught in a loop that leaves out the first control:\n%s", what, path->str);
      if (last != NULL && !reads_after (last, focus, root))
        g_error ("%s: Tab went back up or backwards, not in reading order:\n%s", what, path->str);
      g_ptr_array_add (visited, focus);
      if (first == NULL)
        first = focus;
      last = focus;
    }
  g_test_message ("%s, in Tab order:\n%s", what, path->str);

  for (guint i = 0; i < usable->len; i++)
    if (!g_ptr_array_find (visited, usable->pdata[i], NULL))
      {
        g_autofree char *missed = describe (usable->pdata[i], root);

        g_error ("%s: Tab never reached %s; it went:\n%s", what, missed, path->str);
      }
}

static void
test_sign_in_home_book (void)
{
  Kiosk kiosk;
  const char *staff, *pin, *name;

  kiosk_demo_learner (centre, 0, &staff, &pin, &name);
  kiosk_open_window (&kiosk, centre, centre->device_token, 1280, 800);
  kiosk_press (kiosk.window, "Tap to start");
  kiosk_wait_for_page (kiosk.window, "sign-in");
  assert_tab_order (kiosk.window, "Sign-in, staff number");
  kiosk_type_digits (kiosk.window, staff);
  kiosk_wait_for_label (kiosk.window, "Type your PIN");
  assert_tab_order (kiosk.window, "Sign-in, PIN");
  kiosk_type_digits (kiosk.window, pin);
  kiosk_press (kiosk.window, "Sign in");
  kiosk_wait_for_page (kiosk.window, "home");
  assert_tab_order (kiosk.window, "Home");
  kiosk_show_a_free_slot (kiosk.window);
  assert_tab_order (kiosk.window, "Book a computer");
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  centre = lh_test_daemon_start (NULL);

  g_test_add_func ("/kiosk/keyboard/tab-order", test_sign_in_home_book);

  status = g_test_run ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
