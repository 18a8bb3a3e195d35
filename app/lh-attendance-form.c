/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-attendance-form"

#include "lh-attendance-form.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-client-committee-members.h"
#include "lh-form-parts.h"
#include "lh-messages.h"
#include "lh-time-format.h"

#define MEMBER_ID_KEY "lh-member-id"
#define OTHER_NAME_KEY "lh-other-name"

struct _LhAttendanceForm
{
  GtkBox        parent_instance;

  LhClient     *client;        /* (owned) */
  gint64        meeting_id;
  GArray       *recorded;      /* (owned) (element-type gint64) members recorded already */
  GCancellable *cancellable;   /* (owned) the read or the save under way */
  GtkBox       *people;        /* (unowned) a toggle per person */
  GtkEntry     *other;         /* (unowned) */
  LhFormFooter  footer;
};

G_DEFINE_FINAL_TYPE (LhAttendanceForm, lh_attendance_form, GTK_TYPE_BOX)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
recorded_already (LhAttendanceForm *self, gint64 id)
{
  for (guint i = 0; i < self->recorded->len; i++)
    if (g_array_index (self->recorded, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Ticked shows a tick, not only the colour. */
static void
person_toggled_cb (GtkToggleButton *toggle,
                   GtkWidget       *tick)
{
  gtk_widget_set_visible (tick, gtk_toggle_button_get_active (toggle));
}

/* A person to tick: large, and read out with their name. */
static GtkWidget *
person_toggle (LhAttendanceForm *self, const char *name)
{
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *tick = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_visible (tick, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tick), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Ticked"), -1);
  gtk_box_append (GTK_BOX (content), tick);
  gtk_box_append (GTK_BOX (content), gtk_label_new (name));
  gtk_button_set_child (GTK_BUTTON (toggle), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (person_toggled_cb), tick, 0);
  gtk_widget_add_css_class (toggle, "lh-choice");
  gtk_widget_set_halign (toggle, GTK_ALIGN_START);
  gtk_box_append (self->people, toggle);
  return toggle;
}

static void
members_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = lh_client_list_committee_members_finish (LH_CLIENT (source), result, &error);
  LhAttendanceForm *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_ATTENDANCE_FORM (user_data);
  g_clear_object (&self->cancellable);
  if (members == NULL)
    {
      g_autofree char *words = lh_message_for_error (error);

      lh_form_footer_show_error (&self->footer, words);
      return;
    }
  for (guint i = 0; i < members->len; i++)
    {
      const LhCommitteeMember *member = g_ptr_array_index (members, i);
      GtkWidget *toggle = person_toggle (self, member->name);

      g_object_set_data_full (G_OBJECT (toggle), MEMBER_ID_KEY, g_memdup2 (&member->id, sizeof member->id), g_free);
      /* Recorded is recorded: the daemon keeps no way to take it back. */
      if (recorded_already (self, member->id))
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
          gtk_widget_set_sensitive (toggle, FALSE);
        }
    }
  gtk_widget_set_sensitive (self->footer.save_button, TRUE);
}

static void
add_other_clicked_cb (GtkButton *button, LhAttendanceForm *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->other))));
  GtkWidget *toggle;

  if (name[0] == '\0')
    return;
  toggle = person_toggle (self, name);
  g_object_set_data_full (G_OBJECT (toggle), OTHER_NAME_KEY, g_strdup (name), g_free);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->other), "");
}

static void
recorded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  LhAttendanceForm *self;

  if (!lh_client_record_attendees_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_ATTENDANCE_FORM (user_data);
  g_clear_object (&self->cancellable);
  lh_form_footer_set_busy (&self->footer, FALSE);
  if (error != NULL)
    {
      g_autofree char *words = lh_form_too_long_words (error);

      if (words == NULL)
        words = lh_message_for_error (error);
      lh_form_footer_show_error (&self->footer, words);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
}

/* Those newly ticked: members by id, anyone else by name. */
static void
save_clicked_cb (GtkButton *button, LhAttendanceForm *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) others = NULL;

  if (self->cancellable != NULL)
    return;
  for (GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (self->people)); toggle != NULL;
       toggle = gtk_widget_get_next_sibling (toggle))
    {
      gint64 *id = g_object_get_data (G_OBJECT (toggle), MEMBER_ID_KEY);
      const char *name = g_object_get_data (G_OBJECT (toggle), OTHER_NAME_KEY);

      if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
        continue;
      if (id != NULL && !recorded_already (self, *id))
        g_array_append_val (ids, *id);
      else if (name != NULL)
        g_strv_builder_add (names, name);
    }
  others = g_strv_builder_end (names);
  lh_form_footer_set_busy (&self->footer, TRUE);
  self->cancellable = g_cancellable_new ();
  lh_client_record_attendees_async (self->client, self->meeting_id, ids, (const char * const *) others,
                                    self->cancellable, recorded_cb, self);
}

GtkWidget *
lh_attendance_form_new (LhClient                 *client,
                        const LhCommitteeMeeting *meeting)
{
  LhAttendanceForm *self = g_object_new (LH_TYPE_ATTENDANCE_FORM, NULL);
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  GtkWidget *add;

  g_return_val_if_fail (LH_IS_CLIENT (client), NULL);
  g_return_val_if_fail (meeting != NULL, NULL);

  self->client = g_object_ref (client);
  self->meeting_id = meeting->id;
  g_array_append_vals (self->recorded, meeting->member_ids->data, meeting->member_ids->len);
  day = lh_format_day_long (meeting->starts_at);
  /* Translators: "Who was at the meeting of Wednesday 11 November?" */
  title = g_strdup_printf (_("Who was at the meeting of %s?"), day);
  gtk_box_append (GTK_BOX (self), lh_card_label_new (title, "lh-page-title"));
  gtk_box_append (GTK_BOX (self), lh_card_label_new (_("Tap everyone on the committee who came."), "lh-lead"));
  self->people = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->people));

  self->other = lh_form_add_text (GTK_BOX (self), _("Anyone else who came, if any (their name and role)"), "",
                                  "attendee-other");
  add = gtk_button_new_with_label (_("Add to the list"));
  gtk_widget_add_css_class (add, "lh-secondary");
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_other_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (self), add);

  lh_form_footer_add (&self->footer, GTK_BOX (self), _("Save who attended"), G_CALLBACK (save_clicked_cb), self);
  /* Nothing to save until the members are there to tick. */
  gtk_widget_set_sensitive (self->footer.save_button, FALSE);
  self->cancellable = g_cancellable_new ();
  lh_client_list_committee_members_async (client, self->cancellable, members_cb, self);
  return GTK_WIDGET (self);
}

static void
lh_attendance_form_dispose (GObject *object)
{
  LhAttendanceForm *self = LH_ATTENDANCE_FORM (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (lh_attendance_form_parent_class)->dispose (object);
}

static void
lh_attendance_form_finalize (GObject *object)
{
  LhAttendanceForm *self = LH_ATTENDANCE_FORM (object);

  g_array_unref (self->recorded);
  G_OBJECT_CLASS (lh_attendance_form_parent_class)->finalize (object);
}

static void
lh_attendance_form_class_init (LhAttendanceFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_attendance_form_dispose;
  object_class->finalize = lh_attendance_form_finalize;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_FORM);
}

static void
lh_attendance_form_init (LhAttendanceForm *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  self->recorded = g_array_new (FALSE, FALSE, sizeof (gint64));
}
