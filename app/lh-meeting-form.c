/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-meeting-form"

#include "lh-meeting-form.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lh-card-widgets.h"
#include "lh-client.h"
#include "lh-date-stepper.h"
#include "lh-form-parts.h"
#include "lh-messages.h"
#include "lh-stepper.h"

#define DEFAULT_START (14 * 60)

struct _LhMeetingForm
{
  GtkBox         parent_instance;

  GTimeZone     *tz;          /* (owned) the centre's */
  LhDateStepper *day;
  LhStepper     *start;
  GtkEntry      *place;
  LhFormFooter   footer;
};

G_DEFINE_FINAL_TYPE (LhMeetingForm, lh_meeting_form, GTK_TYPE_BOX)

enum { SAVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
save_clicked_cb (GtkButton     *button,
                 LhMeetingForm *self)
{
  g_signal_emit (self, signals[SAVE], 0);
}

GtkWidget *
lh_meeting_form_new (GDateTime *now)
{
  LhMeetingForm *self = g_object_new (LH_TYPE_MEETING_FORM, NULL);

  g_return_val_if_fail (now != NULL, NULL);

  self->tz = g_time_zone_ref (g_date_time_get_timezone (now));
  gtk_box_append (GTK_BOX (self), lh_card_label_new (_("Plan a meeting"), "lh-page-title"));
  self->day = LH_DATE_STEPPER (lh_date_stepper_new (_("Which day?"), FALSE));
  lh_date_stepper_set_today (self->day, now, 0);
  lh_date_stepper_add_days (self->day, 14);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->day));
  self->start = LH_STEPPER (lh_stepper_new (LH_STEPPER_CLOCK, _("Starts at"), 7 * 60, 21 * 60, DEFAULT_START));
  gtk_widget_set_halign (GTK_WIDGET (self->start), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->start));

  self->place = lh_form_add_text (GTK_BOX (self), _("Where?"), _("Training room"), "meeting-place");
  lh_form_footer_add (&self->footer, GTK_BOX (self), _("Save the meeting"), G_CALLBACK (save_clicked_cb), self);
  return GTK_WIDGET (self);
}

GDateTime *
lh_meeting_form_get_starts_at (LhMeetingForm *self)
{
  g_autofree char *day = NULL;
  int year, month, mday;
  int minutes;

  g_return_val_if_fail (LH_IS_MEETING_FORM (self), NULL);

  day = lh_date_stepper_get_date (self->day);
  if (day == NULL || sscanf (day, "%d-%d-%d", &year, &month, &mday) != 3)
    return NULL;
  minutes = lh_stepper_get_value (self->start);
  return g_date_time_new (self->tz, year, month, mday, minutes / 60, minutes % 60, 0);
}

const char *
lh_meeting_form_get_place (LhMeetingForm *self)
{
  g_return_val_if_fail (LH_IS_MEETING_FORM (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->place));
}

void
lh_meeting_form_set_busy (LhMeetingForm *self,
                          gboolean       busy)
{
  g_return_if_fail (LH_IS_MEETING_FORM (self));

  lh_form_footer_set_busy (&self->footer, busy);
}

void
lh_meeting_form_show_error (LhMeetingForm *self,
                            const GError  *error)
{
  g_autofree char *words = NULL;

  g_return_if_fail (LH_IS_MEETING_FORM (self));

  if (g_strcmp0 (lh_client_error_get_reason (error), "place-invalid") == 0)
    words = g_strdup (_("Please say where the meeting is."));
  else
    words = lh_form_too_long_words (error);
  if (words == NULL)
    words = lh_message_for_error (error);
  lh_form_footer_show_error (&self->footer, words);
}

static void
lh_meeting_form_finalize (GObject *object)
{
  LhMeetingForm *self = LH_MEETING_FORM (object);

  g_clear_pointer (&self->tz, g_time_zone_unref);
  G_OBJECT_CLASS (lh_meeting_form_parent_class)->finalize (object);
}

static void
lh_meeting_form_class_init (LhMeetingFormClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lh_meeting_form_finalize;
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_FORM);
}

static void
lh_meeting_form_init (LhMeetingForm *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
}
