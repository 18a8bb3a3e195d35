/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PCs that are off or in use just now, on Book a computer: the rule for
 * slots on a made-up day, then real widgets under Xvfb against a real
 * learnhubd with the demo centre and three PCs open round the clock
 * whose kiosks have never beaten (so offline, "Not answering just now")
 * until someone sits down at one ("In use now"). */
#define G_LOG_DOMAIN "test-offline"

#include <adwaita.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-slots.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

#define NOT_ANSWERING "Not answering just now"
/* What to expect, in the daemon's facts: never heard, the booking kept. */
#define FOR_LATER "Not answering: its kiosk has never been heard from. You can still book it. If it is " \
                  "still not working when you come, ask at the desk: your booking is kept for you."
#define SINCE "Not answering since "
#define IN_USE "In use now"

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */
static GStrv pc_tokens;       /* (owned) the kiosks of the always-open PCs */

/* ---- the rule, on a made-up day --------------------------------------- */

static LhInterval *
interval_new (GDateTime *start,
              GDateTime *end,
              gboolean   mine)
{
  LhInterval *interval = g_new0 (LhInterval, 1);

  interval->start = g_date_time_ref (start);
  interval->end = g_date_time_ref (end);
  interval->mine = mine;
  return interval;
}

/* A PC open all day on 24 November 2026; free from now on but for busy
 * (nullable), which someone else holds, or the person if mine. */
static LhResourceDay *
pc_day_new (GDateTime *now,
            GDateTime *busy_start,
            GDateTime *busy_end,
            gboolean   mine)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) midnight = g_date_time_new (utc, 2026, 11, 24, 0, 0, 0);
  g_autoptr(GDateTime) next_midnight = g_date_time_add_days (midnight, 1);
  LhResourceDay *day = g_new0 (LhResourceDay, 1);

  day->id = 4;
  day->name = g_strdup ("PC 4");
  day->kind = g_strdup ("pc");
  day->open = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_interval_free);
  day->busy = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_interval_free);
  day->free = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_interval_free);
  g_ptr_array_add (day->open, interval_new (midnight, next_midnight, FALSE));
  if (busy_start == NULL)
    g_ptr_array_add (day->free, interval_new (now, next_midnight, FALSE));
  else
    {
      g_ptr_array_add (day->busy, interval_new (busy_start, busy_end, mine));
      g_ptr_array_add (day->free, interval_new (busy_end, next_midnight, FALSE));
    }
  return day;
}

static LhSlot *
slot_at (GPtrArray *slots,
         guint      i)
{
  g_assert_cmpuint (i, <, slots->len);
  return g_ptr_array_index (slots, i);
}

static void
test_slots_rule (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 11, 24, 10, 12, 30);
  g_autoptr(GDateTime) ten = g_date_time_new (utc, 2026, 11, 24, 10, 0, 0);
  g_autoptr(GDateTime) half_ten = g_date_time_new (utc, 2026, 11, 24, 10, 30, 0);
  g_autoptr(GPtrArray) per_resource = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) soonest = NULL;
  g_autoptr(LhResourceDay) off = pc_day_new (now, NULL, NULL, FALSE);
  g_autoptr(LhResourceDay) sat_at = pc_day_new (now, ten, half_ten, FALSE);
  g_autoptr(LhResourceDay) mine = pc_day_new (now, ten, half_ten, TRUE);
  GPtrArray *slots;

  /* Its kiosk silent, but the daemon says nothing of now (another day,
   * say): the kiosk decides nothing, and the hour is free. */
  off->kiosk_offline = TRUE;
  slots = lh_slots_for_resource (off, now, 15, 120, NULL);
  g_assert_cmpint (slot_at (slots, 0)->state, ==, LH_SLOT_FREE);
  g_ptr_array_unref (slots);

  /* The daemon says it is not answering: the hour going on says so, the
   * rest of the day is free. */
  off->now = LH_PC_NOW_OFFLINE;
  slots = lh_slots_for_resource (off, now, 15, 120, NULL);
  g_ptr_array_add (per_resource, slots);
  g_assert_cmpint (slot_at (slots, 0)->state, ==, LH_SLOT_OFFLINE);
  g_assert_cmpint (g_date_time_get_minute (slot_at (slots, 0)->start), ==, 15);
  g_assert_cmpint (g_date_time_get_hour (slot_at (slots, 0)->end), ==, 11);
  for (guint i = 1; i < slots->len; i++)
    g_assert_cmpint (slot_at (slots, i)->state, ==, LH_SLOT_FREE);

  /* Never among the soonest free: the daemon suggests it to nobody. */
  soonest = lh_slots_soonest_free (per_resource, 1);
  g_assert_cmpuint (soonest->len, ==, 0);
  g_clear_pointer (&soonest, g_ptr_array_unref);

  /* Were the daemon to suggest it, never the hour now: the next one. */
  off->offline_suggested = TRUE;
  g_ptr_array_set_size (per_resource, 0);
  g_ptr_array_add (per_resource, lh_slots_for_resource (off, now, 15, 120, NULL));
  soonest = lh_slots_soonest_free (per_resource, 1);
  g_assert_cmpuint (soonest->len, ==, 1);
  g_assert_cmpint (g_date_time_get_hour (((LhSlot *) g_ptr_array_index (soonest, 0))->start), ==, 11);

  /* Out of order by a fault, as the daemon says: the hour going on says so. */
  off->now = LH_PC_NOW_OUT_OF_ORDER;
  g_clear_pointer (&per_resource, g_ptr_array_unref);
  slots = lh_slots_for_resource (off, now, 15, 120, NULL);
  g_assert_cmpint (slot_at (slots, 0)->state, ==, LH_SLOT_OUT_OF_ORDER);
  g_ptr_array_unref (slots);

  /* Someone sits at it: in use now, free later; a stale in_use alone
   * does not make it so. */
  sat_at->in_use = TRUE;
  slots = lh_slots_for_resource (sat_at, now, 15, 120, NULL);
  g_assert_cmpint (slot_at (slots, 0)->state, ==, LH_SLOT_TAKEN);
  g_ptr_array_unref (slots);
  sat_at->now = LH_PC_NOW_IN_USE;
  slots = lh_slots_for_resource (sat_at, now, 15, 120, NULL);
  g_assert_cmpint (slot_at (slots, 0)->state, ==, LH_SLOT_IN_USE);
  g_assert_cmpint (slot_at (slots, 1)->state, ==, LH_SLOT_FREE);
  g_ptr_array_unref (slots);

  /* The person's own booking stays theirs, off or not. */
  mine->kiosk_offline = TRUE;
  mine->now = LH_PC_NOW_OFFLINE;
  slots = lh_slots_for_resource (mine, now, 15, 120, NULL);
  g_assert_cmpint (slot_at (slots, 0)->state, ==, LH_SLOT_MINE);
  g_ptr_array_unref (slots);
}

/* ---- a PC's row ------------------------------------------------------- */

static gboolean
is_row_of (GtkWidget *widget, gconstpointer pc)
{
  GtkWidget *name;

  if (!gtk_widget_has_css_class (widget, "lh-resource-row"))
    return FALSE;
  name = kiosk_find_widget (widget, kiosk_has_css_class, "lh-resource-name");
  return name != NULL && kiosk_is_label (name, pc);
}

/* The row of Book a computer with the PC of this name (nullable). */
static GtkWidget *
find_row (LhWindow   *window,
          const char *pc)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_row_of, pc);
}

static gboolean
row_shown (LhWindow *window, gconstpointer pc)
{
  return find_row (window, pc) != NULL;
}

typedef struct
{
  const char *pc;
  const char *words;
} RowQuery;

static gboolean
row_says (LhWindow *window, gconstpointer data)
{
  const RowQuery *query = data;
  GtkWidget *row = find_row (window, query->pc);

  return row != NULL && kiosk_find_widget (row, kiosk_is_label, query->words) != NULL;
}

static void
wait_for_row_to_say (LhWindow   *window,
                     const char *pc,
                     const char *words)
{
  RowQuery query = { pc, words };
  g_autofree char *what = g_strdup_printf ("%s to say “%s”", pc, words);

  kiosk_wait_for (window, row_says, &query, what);
}

static gboolean
collect_slot_button (GtkWidget *widget, gconstpointer data)
{
  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "lh-slot") != NULL)
    g_ptr_array_add ((GPtrArray *) data, widget);
  return FALSE;
}

/* Returns: (transfer container) the slot buttons in root, in order. */
static GPtrArray *
slot_buttons (GtkWidget *root)
{
  GPtrArray *buttons = g_ptr_array_new ();

  kiosk_find_widget (root, collect_slot_button, buttons);
  return buttons;
}

static const LhSlot *
button_slot (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "lh-slot");
}

static gboolean
row_allocated (LhWindow *window, gconstpointer row)
{
  return gtk_widget_get_height ((GtkWidget *) row) > 0;
}

/* Scrolls the page so that the row is at the top, to be seen. */
static void
scroll_to_row (LhWindow  *window,
               GtkWidget *row)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  graphene_point_t at;

  kiosk_wait_for (window, row_allocated, row, "the row to be laid out");
  g_assert_true (gtk_widget_compute_point (row, content, &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), at.y);
}

/* ---- kiosks ----------------------------------------------------------- */

/* The desk kiosk, signed in as the n-th learner, on Book a computer,
 * today. */
static void
kiosk_open (Kiosk *kiosk,
            guint  learner)
{
  const char *staff, *pin, *name;

  kiosk_open_window (kiosk, centre, centre->device_token, 1280, 800);
  kiosk_demo_learner (centre, learner, &staff, &pin, &name);
  kiosk_sign_in (kiosk->window, staff, pin, name);
  kiosk_press (kiosk->window, "Book a computer");
  kiosk_wait_for_page (kiosk->window, "book");
  kiosk_wait_for (kiosk->window, kiosk_label_prefix_shown, "Today: ", "today's slots");
  kiosk_wait_for (kiosk->window, row_shown, KIOSK_ALWAYS_OPEN_PC, "its row");
}

/* The end of the hour going on now, in the centre's zone. */
static GDateTime *
end_of_this_hour (void)
{
  g_autoptr(GDateTime) now = kiosk_api_minute_now (0);
  g_autoptr(GDateTime) hour = g_date_time_add_minutes (now, -g_date_time_get_minute (now));

  return g_date_time_add_hours (hour, 1);
}

/* A PC that is off: not answering for the hour going on now, never in
 * use, free later today, and not the soonest free slot now. */
static void
assert_out_of_order (LhWindow   *window,
                     const char *pc)
{
  GtkWidget *row = find_row (window, pc);
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GDateTime) hour_end = end_of_this_hour ();
  guint later = 0;

  g_assert_nonnull (row);
  g_assert_nonnull (kiosk_find_widget (row, kiosk_is_label, NOT_ANSWERING));
  g_assert_null (kiosk_find_widget (row, kiosk_is_label, IN_USE));
  buttons = slot_buttons (row);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const LhSlot *slot = button_slot (button);

      if (g_date_time_compare (slot->start, hour_end) < 0)
        {
          g_assert_cmpint (slot->state, ==, LH_SLOT_OFFLINE);
          g_assert_nonnull (kiosk_find_widget (button, kiosk_is_label, "Not answering"));
          g_assert_false (gtk_widget_get_sensitive (button));
        }
      else
        {
          /* Nobody books these PCs: every later hour is free. */
          g_assert_cmpint (slot->state, ==, LH_SLOT_FREE);
          g_assert_true (gtk_widget_get_sensitive (button));
          later++;
        }
    }
  /* Round the clock, there is a later hour today unless it is nearly midnight. */
  if (later > 0)
    g_assert_nonnull (kiosk_find_widget (row, kiosk_is_label, FOR_LATER));
  else
    g_assert_null (kiosk_find_widget (row, kiosk_is_label, FOR_LATER));
}

/* No soonest free slot of this PC before the end of the hour going on now. */
static void
assert_not_soonest_now (LhWindow   *window,
                        const char *pc)
{
  GtkWidget *soonest = kiosk_find_widget (GTK_WIDGET (window), kiosk_has_css_class, "lh-soonest");
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GDateTime) hour_end = end_of_this_hour ();

  if (soonest == NULL)
    return;
  buttons = slot_buttons (gtk_widget_get_ancestor (soonest, GTK_TYPE_FLOW_BOX));
  g_assert_cmpuint (buttons->len, >, 0);
  for (guint i = 0; i < buttons->len; i++)
    {
      const LhSlot *slot = button_slot (g_ptr_array_index (buttons, i));

      g_assert_cmpint (slot->state, ==, LH_SLOT_FREE);
      if (g_strcmp0 (slot->resource_name, pc) == 0)
        g_assert_cmpint (g_date_time_compare (slot->start, hour_end), >=, 0);
    }
}

static gboolean
nearly_midnight (void)
{
  g_autoptr(GDateTime) now = kiosk_api_minute_now (0);

  return g_date_time_get_hour (now) == 23 && g_date_time_get_minute (now) >= 40;
}

/* ---- the tests -------------------------------------------------------- */

/* The always-open PCs have never beaten: not answering now, bookable
 * tomorrow with what to expect; the demo's PC 4, silent since before
 * the demo began, says since when. */
static void
test_out_of_order (void)
{
  Kiosk kiosk = { 0 };
  GtkWidget *row;
  g_autoptr(GPtrArray) buttons = NULL;

  kiosk_open (&kiosk, 0);
  wait_for_row_to_say (kiosk.window, KIOSK_ALWAYS_OPEN_PC, NOT_ANSWERING);
  assert_out_of_order (kiosk.window, KIOSK_ALWAYS_OPEN_PC);
  assert_out_of_order (kiosk.window, KIOSK_ALWAYS_OPEN_PC " 3");
  assert_not_soonest_now (kiosk.window, KIOSK_ALWAYS_OPEN_PC);
  assert_not_soonest_now (kiosk.window, KIOSK_ALWAYS_OPEN_PC " 3");
  scroll_to_row (kiosk.window, find_row (kiosk.window, KIOSK_ALWAYS_OPEN_PC));
  kiosk_screenshot (kiosk.window, "kiosk-book-out-of-order");
  kiosk_wait_for (kiosk.window, row_shown, "PC 4", "PC 4's row");
  row = find_row (kiosk.window, "PC 4");
  g_assert_nonnull (kiosk_find_widget (row, kiosk_is_label_prefix, SINCE));
  /* Laid out again once the screenshot above is taken: then scrolled. */
  kiosk_spin (300);
  scroll_to_row (kiosk.window, row);
  kiosk_screenshot (kiosk.window, "kiosk-book-offline-pc");

  /* Tomorrow it may well be back, but that is not known. */
  if (!nearly_midnight ())
    {
      kiosk_press (kiosk.window, "Tomorrow");
      kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Tomorrow: ", "tomorrow's slots");
      kiosk_wait_for (kiosk.window, row_shown, KIOSK_ALWAYS_OPEN_PC, "its row");
      row = find_row (kiosk.window, KIOSK_ALWAYS_OPEN_PC);
      g_assert_null (kiosk_find_widget (row, kiosk_is_label, NOT_ANSWERING));
      /* Not simply free: what to expect, whatever the day. */
      g_assert_nonnull (kiosk_find_widget (row, kiosk_is_label, FOR_LATER));
      buttons = slot_buttons (row);
      g_assert_cmpuint (buttons->len, >, 0);
      for (guint i = 0; i < buttons->len; i++)
        g_assert_cmpint (button_slot (g_ptr_array_index (buttons, i))->state, ==, LH_SLOT_FREE);
    }
  kiosk_close (&kiosk);
}

/* Someone sits down at a PC that was off: while the page is open, it
 * goes from not answering to in use now. */
static void
test_in_use (void)
{
  Kiosk kiosk = { 0 };
  const char *pc = KIOSK_ALWAYS_OPEN_PC " 2";
  g_autofree char *token = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GDateTime) hour_end = end_of_this_hour ();
  GtkWidget *row;

  kiosk_open (&kiosk, 0);
  wait_for_row_to_say (kiosk.window, pc, NOT_ANSWERING);

  /* Signing in on the PC's own kiosk is sitting down at it (walk-up). */
  token = kiosk_api_sign_in (1, pc_tokens[1], NULL);
  wait_for_row_to_say (kiosk.window, pc, IN_USE);
  row = find_row (kiosk.window, pc);
  g_assert_null (kiosk_find_widget (row, kiosk_is_label, NOT_ANSWERING));
  g_assert_null (kiosk_find_widget (row, kiosk_is_label, FOR_LATER));
  buttons = slot_buttons (row);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const LhSlot *slot = button_slot (button);

      if (g_date_time_compare (slot->start, hour_end) >= 0)
        continue;
      g_assert_cmpint (slot->state, ==, LH_SLOT_IN_USE);
      g_assert_nonnull (kiosk_find_widget (button, kiosk_is_label, IN_USE));
      g_assert_false (gtk_widget_get_sensitive (button));
    }
  /* The others are still off. */
  assert_out_of_order (kiosk.window, KIOSK_ALWAYS_OPEN_PC);
  scroll_to_row (kiosk.window, find_row (kiosk.window, KIOSK_ALWAYS_OPEN_PC));
  kiosk_screenshot (kiosk.window, "kiosk-book-in-use");

  g_assert_cmpuint (kiosk_api_call ("DELETE", "/sessions/current", token, NULL, NULL), ==, 204);
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);

  centre = lh_test_daemon_start_with_setup (NULL, kiosk_setup_always_open_pcs, &pc_tokens);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/offline/slots-rule", test_slots_rule);
  g_test_add_func ("/kiosk/offline/out-of-order", test_out_of_order);
  g_test_add_func ("/kiosk/offline/in-use", test_in_use);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&pc_tokens, g_strfreev);
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
