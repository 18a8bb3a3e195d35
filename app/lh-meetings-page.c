/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-meetings-page"

#include "lh-meetings-page.h"

#include <glib/gi18n.h>

#include "lh-attendance-form.h"
#include "lh-card-widgets.h"
#include "lh-column.h"
#include "lh-meeting-form.h"
#include "lh-messages.h"
#include "lh-slot-widgets.h"
#include "lh-time-format.h"

struct _LhMeetingsPage
{
  AdwBin        parent_instance;

  LhClient     *client;       /* (owned) (nullable) */
  GCancellable *cancellable;  /* (owned) (nullable) the read under way */
  GtkBox       *content;      /* (unowned) */
  GPtrArray    *meetings;     /* (owned) (nullable) (element-type LhCommitteeMeeting) those listed */
  gboolean      in_form;
};

G_DEFINE_FINAL_TYPE (LhMeetingsPage, lh_meetings_page, ADW_TYPE_BIN)

char *
lh_meetings_attended_words (const LhCommitteeMeeting *meeting)
{
  g_autofree char *names = NULL;

  g_return_val_if_fail (meeting != NULL, NULL);

  if (meeting->attendees == NULL || meeting->attendees[0] == NULL)
    return g_strdup (_("Attended: nobody recorded yet"));
  names = g_strjoinv (", ", meeting->attendees);
  /* Translators: "Attended: Grace Mensah, Helen Price (HR manager)" */
  return g_strdup_printf (_("Attended: %s"), names);
}

/* "1 July 2026" of "2026-07-01", or NULL. */
static char *
day_words (const char *day)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autofree char *iso = g_strconcat (day, "T00:00:00Z", NULL);
  g_autofree char *long_day = NULL;

  midnight = g_date_time_new_from_iso8601 (iso, NULL);
  if (midnight == NULL)
    return NULL;
  /* The date as written, whatever the zone: day, month and year. */
  long_day = g_date_time_format (midnight, "%-d %B %Y");
  return g_steal_pointer (&long_day);
}

char *
lh_meetings_report_words (const LhCommitteeMeeting *meeting)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (meeting != NULL, NULL);

  if (meeting->report_first_day == NULL || meeting->report_last_day == NULL)
    return NULL;
  first = day_words (meeting->report_first_day);
  last = day_words (meeting->report_last_day);
  if (first == NULL || last == NULL)
    return NULL;
  /* Translators: "Report tabled: 1 July 2026 to 30 September 2026" */
  return g_strdup_printf (_("Report tabled: %s to %s"), first, last);
}

#define MEETING_KEY "lh-meeting-id"

static void
attended_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LhMeetingsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lh_client_attend_meeting_finish (LH_CLIENT (source), result, &error))
    {
      g_autofree char *message = lh_message_for_error (error);

      g_debug ("Recording attendance: %s", error->message);
      lh_column_show_message (self->content, message);
      return;
    }
  lh_meetings_page_load (self);
}

static void
was_there_clicked_cb (GtkButton      *button,
                      LhMeetingsPage *self)
{
  LhPerson *person = lh_client_get_person (self->client);

  if (person == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  lh_client_attend_meeting_async (self->client, *(gint64 *) g_object_get_data (G_OBJECT (button), MEETING_KEY),
                                  person->id, NULL, attended_cb, g_object_ref (self));
}

/* Whether the person signed in is among the meeting's members. */
static gboolean
attended_by (const LhCommitteeMeeting *meeting,
             gint64                    person_id)
{
  for (guint i = 0; i < meeting->member_ids->len; i++)
    if (g_array_index (meeting->member_ids, gint64, i) == person_id)
      return TRUE;
  return FALSE;
}

static void
attendance_saved_cb (LhAttendanceForm *form,
                     LhMeetingsPage   *self)
{
  lh_meetings_page_load (self);
}

/* Who attended, ticked by the member: the form in place of the list. */
static void
who_attended_clicked_cb (GtkButton      *button,
                         LhMeetingsPage *self)
{
  const LhCommitteeMeeting *meeting = g_object_get_data (G_OBJECT (button), MEETING_KEY "-whole");
  GtkWidget *form;

  if (meeting == NULL || self->client == NULL)
    return;
  form = lh_attendance_form_new (self->client, meeting);
  self->in_form = TRUE;
  g_signal_connect_object (form, "saved", G_CALLBACK (attendance_saved_cb), self, 0);
  lh_remove_children (GTK_WIDGET (self->content));
  gtk_box_append (self->content, form);
}

static GtkWidget *
meeting_card (LhMeetingsPage           *self,
              const LhCommitteeMeeting *meeting,
              GDateTime                *now)
{
  LhPerson *person = lh_client_get_person (self->client);
  GtkWidget *card;
  GtkWidget *frame = lh_card_frame_new (&card);
  g_autofree char *day = lh_format_day_long (meeting->starts_at);
  g_autofree char *clock = lh_format_clock (meeting->starts_at);
  /* Translators: "Wednesday 11 November 2026, 14:00, Training room" */
  g_autofree char *title = g_strdup_printf (_("%s %d, %s, %s"), day, g_date_time_get_year (meeting->starts_at),
                                            clock, meeting->place);
  g_autofree char *attended = lh_meetings_attended_words (meeting);
  g_autofree char *report = lh_meetings_report_words (meeting);

  gtk_box_append (GTK_BOX (card), lh_card_label_new (title, "lh-section-title"));
  gtk_box_append (GTK_BOX (card), lh_card_label_new (attended, NULL));
  if (report != NULL)
    gtk_box_append (GTK_BOX (card), lh_card_label_new (report, NULL));
  if (meeting->notes[0] != '\0')
    gtk_box_append (GTK_BOX (card), lh_card_label_new (meeting->notes, "dim-label"));
  /* A member records their own attendance, once the meeting has begun. */
  if (person != NULL && g_date_time_compare (meeting->starts_at, now) <= 0 && !attended_by (meeting, person->id))
    {
      /* Translators: a screen reader's name for the button, e.g. "I was at the meeting of Wednesday 11 November" */
      g_autofree char *a11y = g_strdup_printf (_("I was at the meeting of %s"), day);
      GtkWidget *button = lh_card_button_new (_("I was there"), NULL, a11y);

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      g_object_set_data_full (G_OBJECT (button), MEETING_KEY, g_memdup2 (&meeting->id, sizeof meeting->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (was_there_clicked_cb), self);
      gtk_box_append (GTK_BOX (card), button);
    }
  /* Anyone who came, ticked by any member, once the meeting has begun. */
  if (g_date_time_compare (meeting->starts_at, now) <= 0)
    {
      /* Translators: a screen reader's name for the button, e.g. "Who attended the meeting of Wednesday 11 November" */
      g_autofree char *a11y = g_strdup_printf (_("Who attended the meeting of %s"), day);
      GtkWidget *button = lh_card_button_new (_("Who attended"), NULL, a11y);

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      /* The list outlives the card: it goes only when the list is read again. */
      g_object_set_data (G_OBJECT (button), MEETING_KEY "-whole", (gpointer) meeting);
      g_signal_connect (button, "clicked", G_CALLBACK (who_attended_clicked_cb), self);
      gtk_box_append (GTK_BOX (card), button);
    }
  return frame;
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LhMeetingForm) form = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  lh_meeting_form_set_busy (form, FALSE);
  if (!lh_client_add_meeting_finish (LH_CLIENT (source), result, &error))
    {
      lh_meeting_form_show_error (form, error);
      return;
    }
  /* Back to the list, with it, unless the person moved on. */
  page = gtk_widget_get_ancestor (GTK_WIDGET (form), LH_TYPE_MEETINGS_PAGE);
  if (page != NULL)
    lh_meetings_page_load (LH_MEETINGS_PAGE (page));
}

static void
save_cb (LhMeetingForm  *form,
         LhMeetingsPage *self)
{
  g_autoptr(GDateTime) starts_at = lh_meeting_form_get_starts_at (form);

  if (starts_at == NULL)
    return;
  lh_meeting_form_set_busy (form, TRUE);
  lh_client_add_meeting_async (self->client, starts_at, lh_meeting_form_get_place (form), NULL, added_cb,
                               g_object_ref (form));
}

static void
plan_clicked_cb (GtkButton      *button,
                 LhMeetingsPage *self)
{
  g_autoptr(GDateTime) now = lh_client_now (self->client);
  GtkWidget *form = lh_meeting_form_new (now);

  self->in_form = TRUE;
  g_signal_connect_object (form, "save", G_CALLBACK (save_cb), self, 0);
  lh_remove_children (GTK_WIDGET (self->content));
  gtk_box_append (self->content, form);
}

static GtkWidget *
plan_button (LhMeetingsPage *self)
{
  GtkWidget *button = gtk_button_new_with_label (_("Plan a meeting"));

  gtk_widget_add_css_class (button, "lh-secondary");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect (button, "clicked", G_CALLBACK (plan_clicked_cb), self);
  return button;
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LhMeetingsPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = lh_client_list_meetings_finish (LH_CLIENT (source), result, &error);
  g_autoptr(GDateTime) now = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_MEETINGS_PAGE (user_data);
  if (!lh_column_end_read (self->content, &self->cancellable, error))
    return;
  lh_remove_children (GTK_WIDGET (self->content));
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  self->meetings = g_ptr_array_ref (meetings);
  now = lh_client_now (LH_CLIENT (source));
  gtk_box_append (self->content, lh_card_label_new (_("The committee's meetings"), "lh-page-title"));
  gtk_box_append (self->content, plan_button (self));
  if (meetings->len == 0)
    gtk_box_append (self->content, lh_card_label_new (_("No meetings in the last year."), "lh-lead"));
  /* The latest first: the next one, then the last one held. */
  for (guint i = meetings->len; i > 0; i--)
    gtk_box_append (self->content, meeting_card (self, g_ptr_array_index (meetings, i - 1), now));
}

gboolean
lh_meetings_page_go_back (LhMeetingsPage *self)
{
  g_return_val_if_fail (LH_IS_MEETINGS_PAGE (self), FALSE);

  if (!self->in_form)
    return FALSE;
  lh_meetings_page_load (self);
  return TRUE;
}

void
lh_meetings_page_load (LhMeetingsPage *self)
{
  g_return_if_fail (LH_IS_MEETINGS_PAGE (self));

  self->in_form = FALSE;
  lh_column_cancel_read (&self->cancellable);
  if (self->client == NULL)
    return;
  lh_client_list_meetings_async (self->client, lh_column_begin_read (self->content, &self->cancellable),
                                 listed_cb, self);
}

/* A change made elsewhere (another kiosk, learnhubctl): the list shown is
 * read again, but a form open stays as the member left it (its save or
 * Back reads the list anyway); a page not shown is read when it is. */
static void
committee_changed_cb (LhClient       *client,
                      const char     *type,
                      JsonNode       *data,
                      LhMeetingsPage *self)
{
  if (!self->in_form && gtk_widget_get_mapped (GTK_WIDGET (self)))
    lh_meetings_page_load (self);
}

void
lh_meetings_page_set_client (LhMeetingsPage *self,
                             LhClient       *client)
{
  g_return_if_fail (LH_IS_MEETINGS_PAGE (self));
  g_return_if_fail (LH_IS_CLIENT (client));

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  g_signal_connect_object (client, "event::committee-changed", G_CALLBACK (committee_changed_cb), self, 0);
}

static void
lh_meetings_page_dispose (GObject *object)
{
  LhMeetingsPage *self = LH_MEETINGS_PAGE (object);

  lh_column_cancel_read (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  G_OBJECT_CLASS (lh_meetings_page_parent_class)->dispose (object);
}

static void
lh_meetings_page_class_init (LhMeetingsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_meetings_page_dispose;
}

static void
lh_meetings_page_init (LhMeetingsPage *self)
{
  self->content = lh_column_new_in (ADW_BIN (self));
}

GtkWidget *
lh_meetings_page_new (void)
{
  return g_object_new (LH_TYPE_MEETINGS_PAGE, NULL);
}
