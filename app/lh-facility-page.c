/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-facility-page"

#include "lh-facility-page.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-client-desk.h"
#include "lh-desk-words.h"
#include "lh-messages.h"
#include "lh-slot-widgets.h"
#include "lh-stepper.h"
#include "lh-time-format.h"

#define N_DAYS 7
#define DEFAULT_START (9 * 60)
#define DEFAULT_MINUTES 60
#define VALUE_KEY "lh-value"

struct _LhFacilityPage
{
  LhPage           parent_instance;

  GCancellable    *add_cancellable;  /* (owned) (nullable) while adding */
  GPtrArray       *activity_buttons; /* (owned) unowned toggles */
  GPtrArray       *day_buttons;      /* (owned) unowned toggles */

  /* built (unowned) */
  LhStepper       *start_stepper;
  LhStepper       *length_stepper;
  GtkEntry        *note_entry;
  GtkFlowBox      *days_box;

  /* template children (unowned) */
  GtkBox          *summary_box;
  GtkBox          *entries_box;
  GtkBox          *form_box;
  GtkLabel        *confirm_question_label;
};

G_DEFINE_FINAL_TYPE (LhFacilityPage, lh_facility_page, LH_TYPE_PAGE)

/* ---- the summary ------------------------------------------------------ */

static void add_clicked_cb (LhFacilityPage *self, GtkButton *button);

static void
show_report (LhFacilityPage         *self,
             const LhFacilityReport *report)
{
  g_autofree char *week = lh_desk_format_week_use (report->week_minutes, report->week_agreed_minutes);
  g_autofree char *year = lh_desk_format_year_use (report->year_minutes, report->year_agreed_minutes);
  GtkWidget *button = gtk_button_new ();

  lh_remove_children (GTK_WIDGET (self->summary_box));
  lh_remove_children (GTK_WIDGET (self->entries_box));
  gtk_box_append (self->summary_box, lh_card_label_new (_("Your facility time"), "lh-page-title"));
  gtk_box_append (self->summary_box, lh_card_label_new (week, "lh-facts"));
  gtk_box_append (self->summary_box, lh_card_label_new (year, "lh-lead"));
  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT, "icon-name", "list-add-symbolic",
                                      "label", _("Add other duty time"), "halign", GTK_ALIGN_CENTER, NULL));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "lh-primary");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->summary_box, button);

  gtk_box_append (self->entries_box, lh_card_label_new (_("This week"), "lh-section-title"));
  if (report->entries->len == 0)
    gtk_box_append (self->entries_box, lh_card_label_new (_("Nothing logged this week yet."), "lh-tt-none"));
  for (guint i = 0; i < report->entries->len; i++)
    {
      const LhFacilityItem *entry = g_ptr_array_index (report->entries, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *day = lh_format_day_long (entry->start);
      g_autofree char *clock = lh_format_clock (entry->start);
      g_autofree char *length = lh_format_duration (entry->minutes);
      /* Translators: "Training: Tuesday 24 November, 09:00, 3 hours" */
      g_autofree char *text = g_strdup_printf (_("%s: %s, %s, %s"), lh_desk_activity_words (entry->activity),
                                               day, clock, length);

      gtk_widget_add_css_class (row, "card");
      gtk_widget_add_css_class (row, "lh-tt-slot");
      gtk_box_append (GTK_BOX (row), lh_card_label_new (text, "lh-tt-slot-when"));
      if (entry->note != NULL && *entry->note != '\0')
        gtk_box_append (GTK_BOX (row), lh_card_label_new (entry->note, NULL));
      if (entry->automatic)
        gtk_box_append (GTK_BOX (row), lh_card_label_new (_("Logged by itself"), "lh-tt-slot-free"));
      gtk_box_append (self->entries_box, row);
    }
  lh_page_set_content (LH_PAGE (self), "list");
  lh_page_update_online (LH_PAGE (self));
}

static void
report_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFacilityReport) report = lh_client_get_facility_time_finish (LH_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (report != NULL)
    show_report (LH_FACILITY_PAGE (user_data), report);
  lh_page_end_load (LH_PAGE (user_data), error);
}

void
lh_facility_page_load (LhFacilityPage *self)
{
  GCancellable *cancellable;

  g_return_if_fail (LH_IS_FACILITY_PAGE (self));

  if (lh_page_get_client (LH_PAGE (self)) == NULL || self->add_cancellable != NULL)
    return;
  cancellable = lh_page_begin_list_load (LH_PAGE (self));
  lh_client_get_facility_time_async (lh_page_get_client (LH_PAGE (self)), cancellable, report_cb, self);
}

/* ---- adding time ------------------------------------------------------ */

static GtkFlowBox *
choice_box (void)
{
  GtkFlowBox *box = GTK_FLOW_BOX (gtk_flow_box_new ());

  gtk_flow_box_set_selection_mode (box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (box, 7);
  gtk_flow_box_set_column_spacing (box, 12);
  gtk_flow_box_set_row_spacing (box, 12);
  gtk_widget_add_css_class (GTK_WIDGET (box), "lh-flow");
  return box;
}

/* A group of toggles, the first chosen. */
static GtkToggleButton *
add_choice (GtkFlowBox      *box,
            GPtrArray       *buttons,
            const char      *label,
            gpointer         value,
            GDestroyNotify   free_value)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_add_css_class (button, "lh-choice");
  g_object_set_data_full (G_OBJECT (button), VALUE_KEY, value, free_value);
  if (buttons->len > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), g_ptr_array_index (buttons, 0));
  else
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_ptr_array_add (buttons, button);
  gtk_flow_box_append (box, button);
  return GTK_TOGGLE_BUTTON (button);
}

static gpointer
chosen (GPtrArray *buttons)
{
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (buttons, i)))
      return g_object_get_data (G_OBJECT (g_ptr_array_index (buttons, i)), VALUE_KEY);
  return NULL;
}

static void
build_form (LhFacilityPage *self)
{
  const char * const *activities = lh_desk_logged_activities ();
  GtkFlowBox *activities_box = choice_box ();
  GtkWidget *steppers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 32);

  gtk_box_append (self->form_box, lh_card_label_new (_("What was it?"), "lh-field-title"));
  for (guint i = 0; activities[i] != NULL; i++)
    add_choice (activities_box, self->activity_buttons, lh_desk_activity_words (activities[i]),
                (gpointer) activities[i], NULL);
  gtk_box_append (self->form_box, GTK_WIDGET (activities_box));

  gtk_box_append (self->form_box, lh_card_label_new (_("Which day?"), "lh-field-title"));
  self->days_box = choice_box ();
  gtk_box_append (self->form_box, GTK_WIDGET (self->days_box));

  self->start_stepper = LH_STEPPER (lh_stepper_new (LH_STEPPER_CLOCK, _("Started at"), 0, 23 * 60 + 45, DEFAULT_START));
  self->length_stepper = LH_STEPPER (lh_stepper_new (LH_STEPPER_DURATION, _("How long"), 15, 12 * 60, DEFAULT_MINUTES));
  gtk_box_append (GTK_BOX (steppers), GTK_WIDGET (self->start_stepper));
  gtk_box_append (GTK_BOX (steppers), GTK_WIDGET (self->length_stepper));
  gtk_box_append (self->form_box, steppers);

  gtk_box_append (self->form_box, lh_card_label_new (_("A note, if you want"), "lh-field-title"));
  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_max_length (self->note_entry, 200);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_entry), "lh-name-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("A note, if you want"), -1);
  gtk_box_append (self->form_box, GTK_WIDGET (self->note_entry));
}

/* Today and the six days before it, most recent first. */
static void
fill_days (LhFacilityPage *self)
{
  g_autoptr(GDateTime) now = lh_client_now (lh_page_get_client (LH_PAGE (self)));

  g_ptr_array_set_size (self->day_buttons, 0);
  while (gtk_widget_get_first_child (GTK_WIDGET (self->days_box)) != NULL)
    gtk_flow_box_remove (self->days_box, gtk_widget_get_first_child (GTK_WIDGET (self->days_box)));
  for (int i = 0; i < N_DAYS; i++)
    {
      GDateTime *day = lh_day_start (now, -i);
      g_autofree char *label = NULL;

      if (i == 0)
        label = g_strdup (_("Today"));
      else if (i == 1)
        label = g_strdup (_("Yesterday"));
      else
        label = lh_format_day_short (day);
      add_choice (self->days_box, self->day_buttons, label, day, (GDestroyNotify) g_date_time_unref);
    }
}

static void
add_clicked_cb (LhFacilityPage *self,
                GtkButton      *button)
{
  if (!lh_page_is_online (LH_PAGE (self)) || self->add_cancellable != NULL)
    return;
  fill_days (self);
  gtk_toggle_button_set_active (g_ptr_array_index (self->activity_buttons, 0), TRUE);
  lh_stepper_set_value (self->start_stepper, DEFAULT_START);
  lh_stepper_set_value (self->length_stepper, DEFAULT_MINUTES);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_label_set_label (self->confirm_question_label, _("Add other duty time"));
  lh_page_show_confirm (LH_PAGE (self), "", FALSE);
}

static void
added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  LhFacilityPage *self;

  if (!lh_client_add_facility_time_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_FACILITY_PAGE (user_data);
  g_clear_object (&self->add_cancellable);
  lh_page_end_confirm (LH_PAGE (self));
  if (error == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", _("Your time is added."));
      lh_facility_page_load (self);
      return;
    }
  g_debug ("Adding facility time failed: %s", error->message);
  if (!g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_INVALID))
        message = g_strdup (_("That time cannot be added: it must have begun already, within the last year, and last at most 12 hours."));
      else
        message = lh_message_for_error (error);
      lh_page_show_confirm_error (LH_PAGE (self), message);
    }
}

static void
confirm_clicked_cb (LhFacilityPage *self,
                    GtkButton      *button)
{
  GDateTime *day = chosen (self->day_buttons);
  const char *activity = chosen (self->activity_buttons);
  g_autoptr(GDateTime) start = NULL;

  if (self->add_cancellable != NULL || !lh_page_can_confirm (LH_PAGE (self)) || day == NULL || activity == NULL)
    return;
  start = g_date_time_add_minutes (day, lh_stepper_get_value (self->start_stepper));
  self->add_cancellable = g_cancellable_new ();
  lh_page_begin_confirm (LH_PAGE (self));
  lh_client_add_facility_time_async (lh_page_get_client (LH_PAGE (self)), activity, start,
                                     lh_stepper_get_value (self->length_stepper),
                                     gtk_editable_get_text (GTK_EDITABLE (self->note_entry)),
                                     self->add_cancellable, added_cb, self);
}

static void
confirm_back_clicked_cb (LhFacilityPage *self,
                         GtkButton      *button)
{
  lh_facility_page_go_back (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_facility_page_refresh (LhPage *page)
{
  lh_page_refresh (page, !lh_page_view_is (page, "list"));
}

static void
lh_facility_page_load_page (LhPage *page)
{
  lh_facility_page_load (LH_FACILITY_PAGE (page));
}

static void
lh_facility_page_update_online (LhPage   *page,
                                gboolean  online)
{
  LhFacilityPage *self = LH_FACILITY_PAGE (page);

  lh_page_set_buttons_sensitive (GTK_WIDGET (self->summary_box), online);
}

static void
lh_facility_page_dispose (GObject *object)
{
  LhFacilityPage *self = LH_FACILITY_PAGE (object);

  lh_facility_page_reset (self);
  g_clear_pointer (&self->activity_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->day_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (lh_facility_page_parent_class)->dispose (object);
}

static void
lh_facility_page_class_init (LhFacilityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_facility_page_dispose;
  page_class->update_online = lh_facility_page_update_online;
  page_class->load = lh_facility_page_load_page;
  page_class->refresh = lh_facility_page_refresh;

  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-facility-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhFacilityPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, LhFacilityPage, entries_box);
  gtk_widget_class_bind_template_child (widget_class, LhFacilityPage, form_box);
  gtk_widget_class_bind_template_child (widget_class, LhFacilityPage, confirm_question_label);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
}

static void
lh_facility_page_init (LhFacilityPage *self)
{
  self->activity_buttons = g_ptr_array_new ();
  self->day_buttons = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  build_form (self);
  gtk_button_set_label (lh_page_get_confirm_button (LH_PAGE (self)), _("Add this time"));
}

void
lh_facility_page_reset (LhFacilityPage *self)
{
  g_return_if_fail (LH_IS_FACILITY_PAGE (self));

  g_cancellable_cancel (self->add_cancellable);
  g_clear_object (&self->add_cancellable);
  if (self->summary_box != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->summary_box));
      lh_remove_children (GTK_WIDGET (self->entries_box));
    }
  lh_page_reset (LH_PAGE (self), "list");
}

gboolean
lh_facility_page_go_back (LhFacilityPage *self)
{
  g_return_val_if_fail (LH_IS_FACILITY_PAGE (self), FALSE);

  if (!lh_page_view_is (LH_PAGE (self), "confirm"))
    return FALSE;
  if (self->add_cancellable != NULL)
    return TRUE;
  lh_page_set_view (LH_PAGE (self), "list");
  return TRUE;
}
