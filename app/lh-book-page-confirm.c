/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Book a computer: the confirm view (the slot, work time or own time),
 * booking it, and the done view with its QR code. */
#define G_LOG_DOMAIN "lh-book-page"

#include "lh-book-page-private.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-client-time-off.h"
#include "lh-messages.h"
#include "lh-paid-failure.h"
#include "lh-qr-code.h"
#include "lh-time-format.h"
#include "lh-time-off-words.h"

/* Big enough for a phone held at arm's length to read. */
#define QR_CODE_MIN_PX 220

/* ---- confirm ---------------------------------------------------------- */

/* Paid time off is for those the daemon says may ask it. */
static gboolean
asks_time_off (LhBookPage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  LhPerson *person = client != NULL ? lh_client_get_person (client) : NULL;

  return lh_may (person, LH_WAY_PAID_TIME);
}

void
lh_book_page_confirm_slot (LhBookPage   *self,
                           const LhSlot *slot)
{
  g_autofree char *facts = NULL;
  g_autofree char *duration = NULL;

  if (slot == NULL || slot->state != LH_SLOT_FREE || self->book_cancellable != NULL ||
      !lh_page_is_online (LH_PAGE (self)))
    return;

  g_clear_pointer (&self->selected, lh_slot_free);
  self->selected = lh_slot_copy (slot);
  facts = lh_format_slot_long (slot->resource_name, slot->start, slot->end);
  duration = lh_format_duration (lh_minutes_between (slot->start, slot->end));
  gtk_label_set_label (self->confirm_duration_label, duration);
  /* Nothing chosen: the person always says which. */
  if (asks_time_off (self))
    lh_time_choice_ask (self->time_choice, lh_page_get_client (LH_PAGE (self)), "centre-learning",
                        slot->start, slot->end);
  else
    lh_time_choice_skip (self->time_choice);
  lh_page_show_confirm (LH_PAGE (self), facts, FALSE);
}

/* ---- done ------------------------------------------------------------- */

/* The booking's calendar link as a QR code, for a phone's camera. */
static void
show_calendar_code (LhBookPage      *self,
                    const LhBooking *booking)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  g_autofree char *url = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (booking != NULL && booking->calendar_url != NULL && client != NULL)
    url = lh_client_resolve_url (client, booking->calendar_url);
  if (url != NULL)
    texture = lh_qr_code_render_at_least (url, QR_CODE_MIN_PX, NULL, &error);
  if (error != NULL)
    g_message ("The calendar link cannot be shown as a QR code: %s", error->message);

  gtk_picture_set_paintable (self->done_qr_picture, GDK_PAINTABLE (texture));
  /* The link itself is neither shown nor said (kept for tests). */
  g_object_set_data_full (G_OBJECT (self->done_qr_picture), "lh-calendar-url",
                          texture != NULL ? g_strdup (url) : NULL, g_free);
  /* Said, not the link: it holds the calendar's secret key, which a
   * screen reader would read out to the room. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_qr_picture),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  texture != NULL ? _("A QR code: point your phone's camera at it "
                                                      "to add this booking to your phone's calendar.")
                                                  : "",
                                  -1);
  gtk_widget_set_visible (self->done_qr_box, texture != NULL);
}

static void
show_done (LhBookPage      *self,
           const LhBooking *booking)
{
  g_autofree char *facts = lh_format_slot_long (booking->resource_name, booking->start, booking->end);
  g_autofree char *time_off = booking->time_off ? lh_time_off_format_outcome (booking->time_off) : NULL;

  gtk_label_set_label (self->done_facts_label, facts);
  /* Approved, waiting for approval, or the person's own time. */
  gtk_label_set_label (self->done_time_off_label, time_off ? time_off : "");
  gtk_widget_set_visible (GTK_WIDGET (self->done_time_off_label), time_off != NULL);
  show_calendar_code (self, booking);
  g_clear_pointer (&self->selected, lh_slot_free);
  g_clear_pointer (&self->loaded_date, g_free);
  lh_page_set_view (LH_PAGE (self), "done");
}

/* ---- booking ---------------------------------------------------------- */

static void
booking_failed (LhBookPage   *self,
                const GError *error)
{
  g_autofree char *message = NULL;

  g_debug ("Booking failed: %s", error->message);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */

  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT) && self->selected != NULL &&
      lh_slots_find_overlap (self->own, self->selected->start, self->selected->end) != NULL)
    {
      /* The daemon lets nobody hold two computers at once. */
      lh_book_page_back_to_day (self, _("You already have a computer booked at that time. Please pick another time."));
    }
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT) && self->selected != NULL)
    {
      g_autofree char *clock = lh_format_clock (self->selected->start);

      /* Translators: "PC 4" and "10:00" */
      message = g_strdup_printf (_("Sorry, someone else has just booked %s at %s. Please pick another time."),
                                 self->selected->resource_name, clock);
      lh_book_page_back_to_day (self, message);
    }
  else if (g_strcmp0 (lh_client_error_get_reason (error), "pc-out-of-order") == 0 && self->selected != NULL)
    {
      /* Translators: "PC 4" */
      message = g_strdup_printf (_("Sorry, %s is out of order just now, so it cannot be booked. Please pick another PC."),
                                 self->selected->resource_name);
      lh_book_page_back_to_day (self, message);
    }
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_INVALID))
    {
      /* A rule refused it: the daemon says which, and what to do instead. */
      message = lh_message_for_error (error);
      lh_book_page_back_to_day (self, message);
    }
  else
    {
      message = lh_message_for_error (error);
      lh_page_show_confirm_error (LH_PAGE (self), message);
    }
}

/* ---- no answer --------------------------------------------------------- */

/* How often the kiosk asks again while the daemon does not answer. Not a
 * rule of the centre but the kiosk's own patience, like its reconnecting:
 * it is needed exactly when the daemon cannot be asked for it. */
#define FIND_OUT_SECONDS 2

static void ask_whether_booked (LhBookPage *self);

/* "PC 4 at 10:00 on Tuesday 24 November", as the slot was asked for. */
static char *
asked_words (LhBookPage *self)
{
  return lh_format_slot_long (self->selected->resource_name, self->selected->start, self->selected->end);
}

/* The booking attempt a later question belongs to. */
typedef struct
{
  LhBookPage   *self;     /* (owned) */
  GCancellable *attempt;  /* (owned) that attempt's book_cancellable */
} AskAgain;

static void
ask_again_free (gpointer data)
{
  AskAgain *again = data;

  g_object_unref (again->self);
  g_object_unref (again->attempt);
  g_free (again);
}

static gboolean
ask_again_cb (gpointer user_data)
{
  AskAgain *again = user_data;
  LhBookPage *self = again->self;

  /* Only for the attempt it was set for: not after a sign-out or a reset,
   * and not for the next person's booking. */
  if (self->book_cancellable == again->attempt && !g_cancellable_is_cancelled (again->attempt) &&
      self->selected != NULL)
    ask_whether_booked (self);
  return G_SOURCE_REMOVE;
}

/* No answer, or the daemon too busy to give one: worth asking again. */
static gboolean
worth_asking_again (const GError *error)
{
  return g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NETWORK) ||
         g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAVAILABLE) ||
         g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_SERVER);
}

/* The daemon's list of the person's bookings says what happened; the
 * kiosk only compares it with what was asked for. */
static void
my_bookings_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LhBookPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = lh_client_list_my_bookings_finish (LH_CLIENT (source), result, &error);
  g_autofree char *asked = NULL;
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_BOOK_PAGE (user_data);
  if (self->selected == NULL || self->book_cancellable == NULL)
    return;
  if (bookings == NULL)
    {
      if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
        return;  /* the window signs out and says so */
      if (worth_asking_again (error))
        {
          AskAgain *again = g_new0 (AskAgain, 1);

          /* Still no answer: ask again in a moment, the button still busy. */
          again->self = g_object_ref (self);
          again->attempt = g_object_ref (self->book_cancellable);
          g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, FIND_OUT_SECONDS, ask_again_cb, again, ask_again_free);
          return;
        }
      /* Any other answer will not change by asking again: said as it is. */
      g_clear_object (&self->book_cancellable);
      lh_page_end_confirm (LH_PAGE (self));
      message = lh_message_for_error (error);
      lh_page_show_confirm_error (LH_PAGE (self), message);
      return;
    }
  g_clear_object (&self->book_cancellable);
  lh_page_end_confirm (LH_PAGE (self));
  for (guint i = 0; i < bookings->len; i++)
    {
      LhBooking *booking = g_ptr_array_index (bookings, i);

      if (booking->resource_id == self->selected->resource_id &&
          g_date_time_equal (booking->start, self->selected->start) &&
          g_date_time_equal (booking->end, self->selected->end) &&
          g_strcmp0 (booking->status, "cancelled") != 0)
        {
          show_done (self, booking);
          return;
        }
    }
  asked = asked_words (self);
  /* Translators: %s is a computer and a time, "PC 4, Tuesday 24 November, 10:00 to 11:00" */
  message = g_strdup_printf (_("The centre’s computer is answering again. %s was not booked. "
                               "Please try again."), asked);
  lh_book_page_back_to_day (self, message);
}

static void
ask_whether_booked (LhBookPage *self)
{
  lh_client_list_my_bookings_async (lh_page_get_client (LH_PAGE (self)), self->book_cancellable,
                                    my_bookings_cb, self);
}

/* The booking was sent and no answer came: the daemon may have made it
 * and lost the way back, or never had it. The kiosk says it cannot tell,
 * keeps the Book button busy (a second tap books nothing), and asks the
 * daemon until it answers. */
static void
find_out_whether_booked (LhBookPage *self)
{
  g_autofree char *asked = asked_words (self);
  g_autofree char *message = NULL;

  /* Translators: %s is a computer and a time, "PC 4, Tuesday 24 November, 10:00 to 11:00" */
  message = g_strdup_printf (_("The centre’s computer did not answer, so we cannot tell yet whether %s "
                               "was booked. Please wait: we are checking."), asked);
  lh_page_show_confirm_error (LH_PAGE (self), message);
  ask_whether_booked (self);
}

static void
create_booking_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LhBookPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = NULL;

  booking = lh_client_book_paid_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_BOOK_PAGE (user_data);
  if (booking == NULL && self->selected != NULL &&
      g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NETWORK))
    {
      find_out_whether_booked (self);
      return;
    }
  if (booking == NULL)
    {
      /* Still busy while it asks whether the paid time was refused. */
      lh_page_check_paid_failure (LH_PAGE (self), self->time_choice, &self->book_cancellable, error,
                                  (LhPaidFailedFunc) booking_failed);
      return;
    }
  g_clear_object (&self->book_cancellable);
  lh_page_end_confirm (LH_PAGE (self));
  show_done (self, booking);
}

static void
book_clicked_cb (LhBookPage *self,
                 GtkButton  *button)
{
  /* One request at a time, however often the button is pressed, and
   * none from a tap that lands after the answer; none before the person
   * said whose time it is. */
  if (self->book_cancellable != NULL || self->selected == NULL ||
      !lh_page_can_confirm (LH_PAGE (self)) || !lh_time_choice_get_chosen (self->time_choice))
    return;

  self->book_cancellable = g_cancellable_new ();
  lh_time_choice_clear_refusal (self->time_choice);
  lh_page_begin_confirm (LH_PAGE (self));
  lh_client_book_paid_async (lh_page_get_client (LH_PAGE (self)), self->selected->resource_id,
                             self->selected->start, self->selected->end,
                             lh_time_choice_get_paid (self->time_choice),
                             self->book_cancellable, create_booking_cb, self);
}

void
lh_book_page_book_slot (LhBookPage   *self,
                        const LhSlot *slot,
                        gboolean      paid)
{
  g_return_if_fail (LH_IS_BOOK_PAGE (self));
  g_return_if_fail (slot != NULL);

  lh_book_page_confirm_slot (self, slot);
  if (self->selected == NULL || !lh_page_view_is (LH_PAGE (self), "confirm"))
    return;
  /* The person said which with the button they tapped. */
  if (paid)
    lh_time_choice_choose_paid (self->time_choice);
  else
    lh_time_choice_choose_own (self->time_choice);
  book_clicked_cb (self, NULL);
}

/* Chosen: Book next, in view even in large text. */
static void
time_picked_cb (LhBookPage   *self,
                LhTimeChoice *choice)
{
  gtk_widget_grab_focus (GTK_WIDGET (lh_page_get_confirm_button (LH_PAGE (self))));
}

/* The refusal's one tap: the same slot, in the person's own time. */
static void
book_own_time_cb (LhBookPage   *self,
                  LhTimeChoice *choice)
{
  book_clicked_cb (self, NULL);
}

static void
confirm_back_clicked_cb (LhBookPage *self,
                         GtkButton  *button)
{
  lh_book_page_go_back (self);
}

void
lh_book_page_class_init_confirm (GtkWidgetClass *widget_class)
{
  g_type_ensure (LH_TYPE_TIME_CHOICE);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, confirm_duration_label);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, time_choice);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, done_facts_label);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, done_time_off_label);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, done_qr_box);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, done_qr_picture);
  gtk_widget_class_bind_template_callback (widget_class, book_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, book_own_time_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
}

void
lh_book_page_reset_confirm (LhBookPage *self)
{
  if (self->time_choice == NULL)
    return;
  lh_time_choice_reset (self->time_choice);
  gtk_label_set_label (self->done_facts_label, "");
  gtk_label_set_label (self->done_time_off_label, "");
  show_calendar_code (self, NULL);
}
