/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-next-meeting-tile"

#include "lh-next-meeting-tile.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-time-format.h"

struct _LhNextMeetingTile
{
  GtkBox        parent_instance;

  LhClient     *client;       /* (owned) (nullable) */
  GCancellable *cancellable;  /* (owned) (nullable) the read under way */
  GtkLabel     *heading;
  GtkLabel     *when;
  gboolean      for_committee;
};

G_DEFINE_FINAL_TYPE (LhNextMeetingTile, lh_next_meeting_tile, GTK_TYPE_BOX)

char *
lh_next_meeting_describe (const LhNextMeeting *meeting,
                          GDateTime           *now)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) that_day = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *soon = NULL;
  int days;

  g_return_val_if_fail (meeting != NULL && meeting->planned, NULL);

  today = lh_day_start (now, 0);
  that_day = lh_day_start (meeting->starts_at, 0);
  /* Whole days, across a change of the clocks too. */
  days = (int) ((g_date_time_difference (that_day, today) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY);
  day = lh_format_day_long (meeting->starts_at);
  clock = lh_format_clock (meeting->starts_at);
  if (days <= 0)
    soon = g_strdup (_("today"));
  else if (days == 1)
    soon = g_strdup (_("tomorrow"));
  else
    /* Translators: how soon the meeting is, e.g. "in 5 days" */
    soon = g_strdup_printf (ngettext ("in %d day", "in %d days", days), days);
  /* Translators: "Wednesday 13 January, 14:00, Training room: in 5 days" */
  return g_strdup_printf (_("%s, %s, %s: %s"), day, clock, meeting->place, soon);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LhNextMeetingTile *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhNextMeeting) meeting = lh_client_next_meeting_finish (LH_CLIENT (source), result, &error);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_NEXT_MEETING_TILE (user_data);
  g_clear_object (&self->cancellable);
  if (meeting == NULL)
    {
      /* Sign-in reads it again. */
      g_debug ("Reading the next meeting: %s", error->message);
      return;
    }
  now = lh_client_now (LH_CLIENT (source));
  text = meeting->planned ? lh_next_meeting_describe (meeting, now) : g_strdup (_("None planned yet"));
  gtk_label_set_label (self->when, text);
  gtk_widget_set_visible (GTK_WIDGET (self), self->for_committee);
}

static void
refresh (LhNextMeetingTile *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (!self->for_committee || self->client == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  lh_client_next_meeting_async (self->client, self->cancellable, read_cb, self);
}

static void
committee_changed_cb (LhNextMeetingTile *self)
{
  refresh (self);
}

void
lh_next_meeting_tile_set_client (LhNextMeetingTile *self,
                            LhClient          *client)
{
  g_return_if_fail (LH_IS_NEXT_MEETING_TILE (self));
  g_return_if_fail (LH_IS_CLIENT (client));

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  /* A meeting planned or moved elsewhere shows here at once. */
  g_signal_connect_object (client, "event::committee-changed", G_CALLBACK (committee_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
lh_next_meeting_tile_set_person (LhNextMeetingTile *self,
                            const LhPerson    *person)
{
  g_return_if_fail (LH_IS_NEXT_MEETING_TILE (self));

  self->for_committee = lh_may (person, LH_WAY_COMMITTEE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  refresh (self);
}

static void
lh_next_meeting_tile_dispose (GObject *object)
{
  LhNextMeetingTile *self = LH_NEXT_MEETING_TILE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (lh_next_meeting_tile_parent_class)->dispose (object);
}

static void
lh_next_meeting_tile_class_init (LhNextMeetingTileClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_next_meeting_tile_dispose;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lh_next_meeting_tile_init (LhNextMeetingTile *self)
{
  GtkWidget *plan;
  GtkWidget *meetings;
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 8);
  gtk_widget_set_name (GTK_WIDGET (self), "next-meeting");
  self->heading = GTK_LABEL (gtk_label_new (_("Next committee meeting")));
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "lh-section-title");
  self->when = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->when, 0);
  gtk_label_set_wrap (self->when, TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->when), "next-meeting-when");
  /* The way to the committee's own pages. */
  plan = gtk_button_new_with_label (_("See the action plan"));
  gtk_widget_add_css_class (plan, "lh-secondary");
  gtk_widget_set_name (plan, "action-plan-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (plan), "kiosk.action-plan");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->when));
  meetings = gtk_button_new_with_label (_("See the meetings"));
  gtk_widget_add_css_class (meetings, "lh-secondary");
  gtk_widget_set_name (meetings, "meetings-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (meetings), "kiosk.meetings");
  gtk_box_append (GTK_BOX (buttons), plan);
  gtk_box_append (GTK_BOX (buttons), meetings);
  gtk_box_append (GTK_BOX (self), buttons);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->heading, NULL,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lh_next_meeting_tile_new (void)
{
  return g_object_new (LH_TYPE_NEXT_MEETING_TILE, NULL);
}
