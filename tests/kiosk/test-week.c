/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Book a computer, a week at a time, and the QR code of the calendar link
 * after booking. Real widgets under Xvfb, a real learnhubd on loopback. */
#define G_LOG_DOMAIN "test-week"

#include <adwaita.h>
#include <signal.h>
#include <string.h>

#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-qr-code.h"
#include "lh-slots.h"
#include "lh-test-daemon.h"
#include "lh-time-format.h"
#include "lh-week-view.h"
#include "lh-window.h"
#include "lh-test-clock.h"

#define CLOSURE_REASON "Boiler repairs"

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */

/* ---- kiosks and the API ----------------------------------------------- */

static void
kiosk_open (Kiosk *kiosk,
            guint  learner)
{
  const char *staff, *pin, *name;

  kiosk_open_window (kiosk, centre, centre->device_token, 0, 0);
  kiosk_wait_for (kiosk->window, kiosk_stream_open, kiosk->client, "the event stream to open");
  kiosk_demo_learner (centre, learner, &staff, &pin, &name);
  kiosk_sign_in (kiosk->window, staff, pin, name);
}

/* Books through the API alone, as another kiosk would; NULL if the
 * daemon refused (the learner already holds a PC then). */
static LhBooking *
book_elsewhere (guint      learner,
                gint64     resource_id,
                GDateTime *start,
                GDateTime *end)
{
  g_autoptr(LhClient) client = lh_client_new (centre->base_url, centre->device_token, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LhPerson) person = NULL;
  g_autoptr(LhBooking) booking = NULL;
  g_autoptr(GError) error = NULL;
  const char *staff, *pin, *name;

  kiosk_demo_learner (centre, learner, &staff, &pin, &name);
  lh_client_sign_in_async (client, staff, pin, NULL, kiosk_async_result_cb, &result);
  kiosk_wait_for (NULL, kiosk_result_ready, &result, "the other sign-in");
  person = lh_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  lh_client_create_booking_async (client, resource_id, start, end, NULL, kiosk_async_result_cb, &result);
  kiosk_wait_for (NULL, kiosk_result_ready, &result, "the other booking");
  booking = lh_client_create_booking_finish (client, result, &error);
  g_clear_object (&result);
  if (booking == NULL)
    g_assert_error (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT);
  lh_client_sign_out_async (client, NULL, kiosk_async_result_cb, &result);
  kiosk_wait_for (NULL, kiosk_result_ready, &result, "the other sign-out");
  return g_steal_pointer (&booking);
}

static void
count_availability_cb (SoupSession *session,
                       SoupMessage *message,
                       guint       *count)
{
  if (g_str_equal (g_uri_get_path (soup_message_get_uri (message)), "/api/v1/availability"))
    (*count)++;
}

/* ---- the week on the screen ------------------------------------------- */

static gboolean
is_week_view (GtkWidget *widget, gconstpointer data)
{
  return LH_IS_WEEK_VIEW (widget);
}

static LhWeekView *
week_view (Kiosk *kiosk)
{
  GtkWidget *view = kiosk_find_widget (GTK_WIDGET (kiosk->window), is_week_view, NULL);

  g_assert_nonnull (view);
  return LH_WEEK_VIEW (view);
}

static gboolean
week_loaded (LhWindow *window, gconstpointer prefix)
{
  GtkWidget *view = kiosk_find_widget (GTK_WIDGET (window), is_week_view, NULL);

  return view != NULL && !lh_week_view_is_loading (LH_WEEK_VIEW (view)) &&
         kiosk_label_prefix_shown (window, prefix) &&
         kiosk_find_widget (view, kiosk_has_css_class, "lh-week-day") != NULL;
}

static void
wait_for_week (Kiosk      *kiosk,
               const char *title_prefix)
{
  g_autofree char *what = g_strdup_printf ("the week “%s…”", title_prefix);

  kiosk_wait_for (kiosk->window, week_loaded, title_prefix, what);
}

static void
open_week (Kiosk *kiosk)
{
  kiosk_press (kiosk->window, "Book a computer");
  kiosk_wait_for_page (kiosk->window, "book");
  kiosk_wait_for_label (kiosk->window, "Soonest free");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (kiosk_find_button (kiosk->window, "All week")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "All week, Monday to Sunday");
  kiosk_press (kiosk->window, "All week");
  wait_for_week (kiosk, "This week: ");
}

typedef struct
{
  GPtrArray *widgets;   /* (element-type GtkWidget) (unowned) */
  const char *css_class;
} Collect;

static gboolean
collect_by_class (GtkWidget *widget, gconstpointer data)
{
  const Collect *collect = data;

  if (gtk_widget_has_css_class (widget, collect->css_class))
    g_ptr_array_add (collect->widgets, widget);
  return FALSE;
}

/* Every mapped widget of the week with that style class, in screen order. */
static GPtrArray *
week_widgets (Kiosk      *kiosk,
              const char *css_class)
{
  Collect collect = { g_ptr_array_new (), css_class };

  kiosk_find_widget (GTK_WIDGET (week_view (kiosk)), collect_by_class, &collect);
  return collect.widgets;
}

/* The dates under the day names, "24 Nov", Monday to Sunday. */
static char *
shown_dates (Kiosk *kiosk)
{
  g_autoptr(GPtrArray) headers = week_widgets (kiosk, "lh-week-day");
  g_autoptr(GString) dates = g_string_new (NULL);

  for (guint i = 0; i < headers->len; i++)
    {
      GtkWidget *date = gtk_widget_get_last_child (g_ptr_array_index (headers, i));

      g_string_append_printf (dates, "%s%s", i ? ", " : "", gtk_label_get_text (GTK_LABEL (date)));
    }
  return g_string_free (g_steal_pointer (&dates), FALSE);
}

/* What a week `week` weeks ahead should show, from the centre's clock. */
static char *
expected_dates (Kiosk *kiosk,
                int    week)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (lh_client_get_time_zone (kiosk->client));
  g_autoptr(GString) dates = g_string_new (NULL);

  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = lh_day_start (now, 7 * week + i + 1 - g_date_time_get_day_of_week (now));
      g_autofree char *date = g_date_time_format (day, "%-d %b");

      g_string_append_printf (dates, "%s%s", i ? ", " : "", date);
    }
  return g_string_free (g_steal_pointer (&dates), FALSE);
}

static gboolean
laid_out (LhWindow *window, gconstpointer widget)
{
  return gtk_widget_get_height ((GtkWidget *) widget) > 0;
}

static gboolean
is_free_cell (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "lh-week-cell") &&
         gtk_widget_has_css_class (widget, "lh-slot-free") && gtk_widget_is_sensitive (widget);
}

/* A free cell this week or, late on a Sunday, the next. */
static GtkWidget *
find_free_cell (Kiosk *kiosk)
{
  GtkWidget *cell = kiosk_find_widget (GTK_WIDGET (week_view (kiosk)), is_free_cell, NULL);

  if (cell == NULL)
    {
      kiosk_press (kiosk->window, "Next week");
      wait_for_week (kiosk, "Next week: ");
      cell = kiosk_find_widget (GTK_WIDGET (week_view (kiosk)), is_free_cell, NULL);
    }
  g_assert_nonnull (cell);
  return cell;
}

static const char *
cell_text (GtkWidget *cell)
{
  return gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (cell))));
}

static GtkGesture *
swipe_gesture (LhWeekView *view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_SWIPE (controller))
        return GTK_GESTURE (controller);  /* the view holds it */
    }
  g_assert_not_reached ();
}

/* ---- tests ------------------------------------------------------------ */

static void
check_pixel (const guchar *pixels,
             gsize         stride,
             int           x,
             int           y,
             guchar        value)
{
  const guchar *pixel = pixels + (gsize) y * stride + (gsize) x * 4;

  /* Black or white, and opaque: nothing in between to blur a module. */
  g_assert_cmpuint (pixel[0], ==, value);
  g_assert_cmpuint (pixel[1], ==, value);
  g_assert_cmpuint (pixel[2], ==, value);
  g_assert_cmpuint (pixel[3], ==, 0xff);
}

/* The code of a known text has the size of its QR version, whole
 * modules, a white quiet zone of 4 and the finder pattern in the corner. */
static void
test_qr_code (void)
{
  g_autoptr(GdkTexture) small = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) big = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  int modules = 0;
  int side;
  gsize stride;

  /* 5 bytes: version 1, 21 modules. */
  small = lh_qr_code_render ("HELLO", 1, &modules, &error);
  g_assert_no_error (error);
  g_assert_cmpint (modules, ==, 21);
  g_assert_cmpint (gdk_texture_get_width (small), ==, 21 + 2 * LH_QR_CODE_QUIET_ZONE);

  /* 20 bytes at level M: version 2, 25 modules. */
  texture = lh_qr_code_render ("https://example.org/", 6, &modules, &error);
  g_assert_no_error (error);
  g_assert_cmpint (modules, ==, 25);
  side = (25 + 2 * LH_QR_CODE_QUIET_ZONE) * 6;
  g_assert_cmpint (gdk_texture_get_width (texture), ==, side);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, side);

  stride = (gsize) side * 4;
  pixels = g_malloc (stride * side);
  gdk_texture_download (texture, pixels, stride);
  check_pixel (pixels, stride, 0, 0, 0xff);              /* quiet zone */
  check_pixel (pixels, stride, 4 * 6 - 1, 4 * 6, 0xff);  /* its last pixel */
  check_pixel (pixels, stride, 4 * 6, 4 * 6, 0x00);      /* the finder's corner */
  check_pixel (pixels, stride, 5 * 6 - 1, 5 * 6 - 1, 0x00);
  check_pixel (pixels, stride, 5 * 6, 5 * 6, 0xff);      /* its white ring */
  check_pixel (pixels, stride, 7 * 6 + 2, 7 * 6 + 2, 0x00);  /* its centre */
  check_pixel (pixels, stride, side - 1, side - 1, 0xff);

  /* At least 200 px, in whole pixels a module. */
  big = lh_qr_code_render_at_least ("https://example.org/", 200, &modules, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (big), >=, 200);
  g_assert_cmpint (gdk_texture_get_width (big) % (modules + 2 * LH_QR_CODE_QUIET_ZONE), ==, 0);
  g_assert_cmpint (gdk_texture_get_width (big), <, 200 + modules + 2 * LH_QR_CODE_QUIET_ZONE);
}

/* Monday to Sunday of this week, the days gone by said in words. */
static void
test_seven_days (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint past = 0;

  kiosk_open (&kiosk, 0);
  open_week (&kiosk);

  headers = week_widgets (&kiosk, "lh-week-day");
  g_assert_cmpuint (headers->len, ==, 7);
  shown = shown_dates (&kiosk);
  expected = expected_dates (&kiosk, 0);
  g_assert_cmpstr (shown, ==, expected);
  today = week_widgets (&kiosk, "lh-week-today");
  g_assert_cmpuint (today->len, ==, 1);
  g_assert_nonnull (kiosk_find_widget (g_ptr_array_index (today, 0), kiosk_is_label, "Today"));

  /* The days before today are not asked for, and say why they are empty. */
  now = lh_test_clock_now_in (lh_client_get_time_zone (kiosk.client));
  notes = week_widgets (&kiosk, "lh-week-note-title");
  for (guint i = 0; i < notes->len; i++)
    past += g_str_equal (gtk_label_get_text (g_ptr_array_index (notes, i)), "Already past");
  g_assert_cmpuint (past, ==, g_date_time_get_day_of_week (now) - 1);

  /* Every cell is a target for a finger, and says what it is in words. */
  cells = week_widgets (&kiosk, "lh-week-cell");
  g_assert_cmpuint (cells->len, >, 0);
  kiosk_wait_for (kiosk.window, laid_out, g_ptr_array_index (cells, cells->len - 1), "the week laid out");
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      const char *text = cell_text (cell);

      g_assert_cmpint (gtk_widget_get_height (cell), >=, 48);
      g_assert_cmpint (gtk_widget_get_width (cell), >=, 48);
      g_assert_true (g_str_has_suffix (text, " free") || g_str_equal (text, "Full") ||
                     g_str_equal (text, "Yours") || g_str_has_prefix (text, "On "));
    }

  /* The day view is one tap away, as it was. */
  kiosk_press (kiosk.window, "Tomorrow");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Tomorrow: ", "tomorrow's slots");
  g_assert_null (kiosk_find_widget (GTK_WIDGET (kiosk.window), is_week_view, NULL));
  kiosk_close (&kiosk);
}

/* The arrows move a week; a second tap while it loads sends nothing. */
static void
test_arrows (void)
{
  Kiosk kiosk = { 0 };
  GtkWidget *next;
  GtkWidget *previous;
  guint asked = 0;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;

  kiosk_open (&kiosk, 1);
  open_week (&kiosk);
  previous = kiosk_find_button (kiosk.window, "Week before");
  next = kiosk_find_button (kiosk.window, "Next week");
  g_assert_false (gtk_widget_is_sensitive (previous));  /* nothing to book in the past */
  g_assert_true (gtk_widget_is_sensitive (next));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_LABEL, "Next week");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (previous), GTK_ACCESSIBLE_PROPERTY_LABEL, "Week before");
  kiosk_wait_for (kiosk.window, laid_out, next, "the arrows laid out");
  g_assert_cmpint (gtk_widget_get_height (next), >=, 48);
  g_assert_cmpint (gtk_widget_get_height (previous), >=, 48);

  g_signal_connect (lh_client_get_session (kiosk.client), "request-queued",
                    G_CALLBACK (count_availability_cb), &asked);
  g_signal_emit_by_name (next, "clicked");
  g_assert_true (lh_week_view_is_loading (week_view (&kiosk)));
  g_assert_false (gtk_widget_is_sensitive (next));
  g_signal_emit_by_name (next, "clicked");
  g_signal_emit_by_name (swipe_gesture (week_view (&kiosk)), "swipe", -1500.0, 0.0);
  wait_for_week (&kiosk, "Next week: ");
  kiosk_spin (200);
  /* One call a day, all of them ahead: 7, and not 14 or 21. */
  g_assert_cmpuint (asked, ==, 7);
  g_assert_cmpint (lh_week_view_get_week (week_view (&kiosk)), ==, 1);
  shown = shown_dates (&kiosk);
  expected = expected_dates (&kiosk, 1);
  g_assert_cmpstr (shown, ==, expected);
  g_signal_handlers_disconnect_by_data (lh_client_get_session (kiosk.client), &asked);

  kiosk_press (kiosk.window, "Week before");
  wait_for_week (&kiosk, "This week: ");
  g_clear_pointer (&shown, g_free);
  g_clear_pointer (&expected, g_free);
  shown = shown_dates (&kiosk);
  expected = expected_dates (&kiosk, 0);
  g_assert_cmpstr (shown, ==, expected);
  kiosk_close (&kiosk);
}

/* A flick sideways moves a week; a slow or an upward one does not. */
static void
test_swipe (void)
{
  Kiosk kiosk = { 0 };
  GtkGesture *swipe;

  kiosk_open (&kiosk, 2);
  open_week (&kiosk);
  swipe = swipe_gesture (week_view (&kiosk));

  g_signal_emit_by_name (swipe, "swipe", -1200.0, 80.0);
  wait_for_week (&kiosk, "Next week: ");
  g_assert_cmpint (lh_week_view_get_week (week_view (&kiosk)), ==, 1);

  g_signal_emit_by_name (swipe, "swipe", -100.0, 0.0);
  g_signal_emit_by_name (swipe, "swipe", -900.0, 1500.0);
  kiosk_spin (100);
  g_assert_false (lh_week_view_is_loading (week_view (&kiosk)));
  g_assert_cmpint (lh_week_view_get_week (week_view (&kiosk)), ==, 1);

  g_signal_emit_by_name (swipe, "swipe", 1200.0, -80.0);
  wait_for_week (&kiosk, "This week: ");
  /* Not into the past. */
  g_signal_emit_by_name (swipe, "swipe", 1200.0, 0.0);
  kiosk_spin (100);
  g_assert_false (lh_week_view_is_loading (week_view (&kiosk)));
  g_assert_cmpint (lh_week_view_get_week (week_view (&kiosk)), ==, 0);
  kiosk_close (&kiosk);
}

static gboolean
is_qr_picture (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_PICTURE (widget) && gtk_widget_has_css_class (widget, "lh-qr");
}

/* One tap on a free hour asks to confirm that slot; booked, the done
 * view shows the calendar link as a QR code. */
static void
test_tap_and_book (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(LhSlot) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) bookings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GdkTexture) expected = NULL;
  g_autofree guchar *shown_pixels = NULL;
  g_autofree guchar *expected_pixels = NULL;
  LhBooking *booking = NULL;
  GtkWidget *cell;
  GtkWidget *picture;
  GdkPaintable *paintable;
  int width;

  kiosk_open (&kiosk, 3);
  open_week (&kiosk);
  cell = find_free_cell (&kiosk);
  slot = lh_slot_copy (g_object_get_data (G_OBJECT (cell), "lh-slot"));
  g_assert_cmpint (slot->state, ==, LH_SLOT_FREE);

  g_signal_emit_by_name (cell, "clicked");
  kiosk_wait_for_label (kiosk.window, "Book this time?");
  facts = lh_format_slot_long (slot->resource_name, slot->start, slot->end);
  g_assert_nonnull (kiosk_find_label (kiosk.window, facts));

  /* Back goes back to the week, as it was left. */
  kiosk_press (kiosk.window, "Back");
  wait_for_week (&kiosk, "");
  g_assert_nonnull (kiosk_find_button (kiosk.window, "Week before"));
  cell = kiosk_find_widget (GTK_WIDGET (week_view (&kiosk)), is_free_cell, NULL);
  g_assert_nonnull (cell);
  g_clear_pointer (&slot, lh_slot_free);
  slot = lh_slot_copy (g_object_get_data (G_OBJECT (cell), "lh-slot"));
  g_signal_emit_by_name (cell, "clicked");
  kiosk_press (kiosk.window, "My own time");
  kiosk_press (kiosk.window, "Book it");
  kiosk_wait_for_label (kiosk.window, "It is booked");
  kiosk_wait_for_label (kiosk.window, "Scan to add this to your phone's calendar");

  /* The daemon has it, as tapped. */
  lh_client_list_my_bookings_async (kiosk.client, NULL, kiosk_async_result_cb, &result);
  kiosk_wait_for (kiosk.window, kiosk_result_ready, &result, "GET /me/bookings");
  bookings = lh_client_list_my_bookings_finish (kiosk.client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);  /* it holds the client */
  for (guint i = 0; i < bookings->len; i++)
    {
      LhBooking *b = g_ptr_array_index (bookings, i);

      if (b->resource_id == slot->resource_id && g_date_time_equal (b->start, slot->start) &&
          g_date_time_equal (b->end, slot->end))
        booking = b;
    }
  g_assert_nonnull (booking);
  /* Only the answer that made it carries its link: the daemon keeps just
   * a hash of the key. */
  g_assert_null (booking->calendar_url);

  /* Its link, made absolute against the kiosk's daemon, as a QR code. */
  picture = kiosk_find_widget (GTK_WIDGET (kiosk.window), is_qr_picture, NULL);
  g_assert_nonnull (picture);
  url = g_strdup (g_object_get_data (G_OBJECT (picture), "lh-calendar-url"));
  g_assert_nonnull (url);
  {
    g_autofree char *prefix = g_strdup_printf ("%s/api/v1/bookings/%" G_GINT64_FORMAT "/calendar.ics?key=",
                                               centre->base_url, booking->id);

    g_assert_true (g_str_has_prefix (url, prefix));
    g_assert_cmpuint (strlen (url), >=, strlen (prefix) + 32);
  }
  /* Said for what it is: the link holds the calendar's secret key, and a
   * screen reader would read it out to the room; no tooltip shows it. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "A QR code: point your phone's camera at it "
                                       "to add this booking to your phone's calendar.");
  g_assert_null (gtk_widget_get_tooltip_text (picture));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "QR code for your phone's calendar");
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_true (GDK_IS_TEXTURE (paintable));
  width = gdk_texture_get_width (GDK_TEXTURE (paintable));
  g_assert_cmpint (width, >=, 200);
  /* Shown at its own size, never scaled down to a blur. */
  kiosk_wait_for (kiosk.window, laid_out, picture, "the QR code laid out");
  g_assert_cmpint (gtk_widget_get_width (picture), >=, width);

  /* Exactly the code of that URL, pixel for pixel. */
  expected = lh_qr_code_render_at_least (url, width - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (expected), ==, width);
  shown_pixels = g_malloc ((gsize) width * width * 4);
  expected_pixels = g_malloc ((gsize) width * width * 4);
  gdk_texture_download (GDK_TEXTURE (paintable), shown_pixels, (gsize) width * 4);
  gdk_texture_download (expected, expected_pixels, (gsize) width * 4);
  g_assert_true (memcmp (shown_pixels, expected_pixels, (gsize) width * width * 4) == 0);
  kiosk_close (&kiosk);
}

/* A booking made elsewhere shows in the week at once, by the event
 * stream, with that day asked for again and nothing else. */
static void
test_live (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(LhSlot) slot = NULL;
  g_autofree char *before = NULL;
  GtkWidget *cell;
  GtkGrid *grid;
  int column, row, width, height;
  guint asked = 0;
  gboolean booked = FALSE;

  kiosk_open (&kiosk, 4);
  open_week (&kiosk);
  cell = find_free_cell (&kiosk);
  slot = lh_slot_copy (g_object_get_data (G_OBJECT (cell), "lh-slot"));
  before = g_strdup (cell_text (cell));
  grid = GTK_GRID (gtk_widget_get_parent (cell));
  gtk_grid_query_child (grid, cell, &column, &row, &width, &height);

  g_signal_connect (lh_client_get_session (kiosk.client), "request-queued",
                    G_CALLBACK (count_availability_cb), &asked);
  for (guint learner = 5; !booked; learner++)
    {
      g_autoptr(LhBooking) booking = NULL;

      g_assert_cmpuint (learner, <, 12);
      booking = book_elsewhere (learner, slot->resource_id, slot->start, slot->end);
      booked = booking != NULL;
    }
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;; )
    {
      GtkWidget *now = gtk_grid_get_child_at (grid, column, row);

      if (now != NULL && g_strcmp0 (cell_text (now), before) != 0)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  kiosk_spin (300);
  g_assert_cmpuint (asked, ==, 1);
  g_signal_handlers_disconnect_by_data (lh_client_get_session (kiosk.client), &asked);
  kiosk_close (&kiosk);
}

/* Weeks beyond the booking horizon say so, and the arrow stops there. */
static void
test_horizon (void)
{
  Kiosk kiosk = { 0 };

  kiosk_open (&kiosk, 6);
  open_week (&kiosk);
  for (guint week = 1; kiosk_find_label (kiosk.window, "Not open for booking yet") == NULL; week++)
    {
      g_assert_cmpuint (week, <=, 12);
      kiosk_press (kiosk.window, "Next week");
      kiosk_wait_for (kiosk.window, week_loaded, "", "the next week");
    }
  g_assert_false (gtk_widget_is_sensitive (kiosk_find_button (kiosk.window, "Next week")));
  kiosk_close (&kiosk);
}

static void
add_closure (const char *db_path, gpointer date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = lh_test_run_ctl (db_path, &error, "closure", "add", (const char *) date, CLOSURE_REASON, NULL);

  g_assert_no_error (error);
}

/* A closure says so, with its reason, in plain words. */
static void
test_closed_day (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) wednesday = NULL;

  /* Next week's Wednesday, in the centre's zone, which the kiosk knows. */
  kiosk_open (&kiosk, 7);
  now = lh_test_clock_now_in (lh_client_get_time_zone (kiosk.client));
  wednesday = lh_day_start (now, 7 + 3 - g_date_time_get_day_of_week (now));
  date = g_date_time_format (wednesday, "%Y-%m-%d");
  kiosk_close (&kiosk);

  /* Added with learnhubctl while the centre runs. */
  add_closure (centre->db_path, date);

  kiosk_open (&kiosk, 7);
  open_week (&kiosk);
  kiosk_press (kiosk.window, "Next week");
  wait_for_week (&kiosk, "Next week: ");
  g_assert_nonnull (kiosk_find_label (kiosk.window, CLOSURE_REASON));
  g_assert_nonnull (kiosk_find_label (kiosk.window, "Closed"));
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  centre = lh_test_daemon_start (NULL);

  g_test_add_func ("/kiosk/week/qr-code", test_qr_code);
  g_test_add_func ("/kiosk/week/seven-days", test_seven_days);
  g_test_add_func ("/kiosk/week/arrows", test_arrows);
  g_test_add_func ("/kiosk/week/swipe", test_swipe);
  g_test_add_func ("/kiosk/week/tap-and-book", test_tap_and_book);
  g_test_add_func ("/kiosk/week/live", test_live);
  g_test_add_func ("/kiosk/week/horizon", test_horizon);
  g_test_add_func ("/kiosk/week/closed-day", test_closed_day);

  status = g_test_run ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
