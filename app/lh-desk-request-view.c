/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-desk-request-view"

#include "lh-desk-request-view.h"

#include <glib/gi18n.h>

#include "lh-advice-words.h"
#include "lh-busy.h"
#include "lh-client-desk.h"
#include "lh-desk-words.h"
#include "lh-messages.h"
#include "lh-time-format.h"
#include "lh-why-disabled.h"

#define OUTCOME_KEY "lh-outcome"
#define TICK_KEY    "lh-tick"  /* (unowned) the tick of an outcome's toggle */

struct _LhDeskRequestView
{
  AdwBin         parent_instance;

  LhClient      *client;        /* (owned) (nullable) */
  LhAdviceRequest *request;     /* (owned) (nullable) */
  GCancellable  *cancellable;   /* (owned) (nullable) while a request is in flight */
  gboolean       online;

  /* children (unowned) */
  GtkLabel      *ticket_label;
  GtkLabel      *who_label;
  GtkLabel      *topic_label;
  GtkLabel      *contact_label;
  GtkLabel      *note_label;
  GtkWidget     *error_box;
  GtkLabel      *error_label;
  GtkStack      *actions_stack;
  GtkWidget     *start_button;
  GtkWidget     *no_show_button;
  GtkWidget     *outcomes_box;
  GtkEntry      *note_entry;
  GtkWidget     *finish_button;
  GtkWidget     *finish_why;    /* why Finish is not ready yet */
};

G_DEFINE_FINAL_TYPE (LhDeskRequestView, lh_desk_request_view, ADW_TYPE_BIN)

enum {
  SIGNAL_ENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- state ------------------------------------------------------------ */

static gboolean
any_outcome (LhDeskRequestView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->outcomes_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = GTK_IS_FLOW_BOX_CHILD (child) ? gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)) : child;

      if (GTK_IS_TOGGLE_BUTTON (button) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
        return TRUE;
    }
  return FALSE;
}

static void
update_buttons (LhDeskRequestView *self)
{
  gboolean can = self->online && self->cancellable == NULL && self->request != NULL;

  if (!lh_busy_is_busy (GTK_BUTTON (self->start_button)))
    gtk_widget_set_sensitive (self->start_button, can);
  if (!lh_busy_is_busy (GTK_BUTTON (self->no_show_button)))
    gtk_widget_set_sensitive (self->no_show_button, can);
  if (!lh_busy_is_busy (GTK_BUTTON (self->finish_button)))
    {
      /* Only the form's own gap is worded; offline or waiting says so
       * elsewhere on the screen. */
      lh_why_disabled_set (self->finish_button, self->finish_why,
                           can && !any_outcome (self) ? _("Tap what came out of it first") : NULL);
      if (!can)
        gtk_widget_set_sensitive (self->finish_button, FALSE);
    }
}

static void
show_error (LhDeskRequestView *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

/* ---- Start, No-show, Finish ------------------------------------------- */

static gboolean
begin (LhDeskRequestView *self,
       GtkWidget         *button)
{
  /* One request at a time, and none offline or from a late tap. */
  if (self->client == NULL || self->request == NULL || self->cancellable != NULL || !self->online)
    return FALSE;
  show_error (self, NULL);
  self->cancellable = g_cancellable_new ();
  lh_busy_begin (GTK_BUTTON (button));
  update_buttons (self);
  return TRUE;
}

/* Returns: TRUE if the answer is for this view (not cancelled). */
static gboolean
end (LhDeskRequestView *self,
     GtkWidget         *button,
     const GError      *error)
{
  g_clear_object (&self->cancellable);
  lh_busy_end (GTK_BUTTON (button));
  update_buttons (self);
  if (error == NULL)
    return TRUE;
  g_debug ("A step of request %" G_GINT64_FORMAT " failed: %s",
           self->request ? self->request->id : 0, error->message);
  if (!g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT) ||
          g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND))
        message = g_strdup (_("This has changed meanwhile: it was started, ended or taken by someone else. Go back to see the drop-in again."));
      else
        message = lh_message_for_error (error);
      show_error (self, message);
    }
  return TRUE;
}

static void
start_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  LhDeskRequestView *self;

  if (!lh_client_start_request_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_REQUEST_VIEW (user_data);
  end (self, self->start_button, error);
  if (error != NULL)
    return;
  g_free (self->request->status);
  self->request->status = g_strdup ("started");
  gtk_stack_set_visible_child_name (self->actions_stack, "finish");
  update_buttons (self);
}

static void
start_clicked_cb (LhDeskRequestView *self, GtkButton *button)
{
  if (begin (self, self->start_button))
    lh_client_start_request_async (self->client, self->request->id, self->cancellable, start_cb, self);
}

static void
ended (LhDeskRequestView *self,
       const char        *message)
{
  g_signal_emit (self, signals[SIGNAL_ENDED], 0, message);
}

static void
no_show_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  LhDeskRequestView *self;

  if (!lh_client_no_show_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_REQUEST_VIEW (user_data);
  end (self, self->no_show_button, error);
  if (error != NULL)
    return;
  if (self->request->ticket > 0)
    message = g_strdup_printf (_("Ticket %d is marked as not come."), self->request->ticket);
  else
    message = g_strdup (_("The appointment is marked as not come."));
  ended (self, message);
}

static void
no_show_clicked_cb (LhDeskRequestView *self, GtkButton *button)
{
  if (begin (self, self->no_show_button))
    lh_client_no_show_async (self->client, self->request->id, self->cancellable, no_show_cb, self);
}

static void
finish_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  LhDeskRequestView *self;

  if (!lh_client_finish_request_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_REQUEST_VIEW (user_data);
  end (self, self->finish_button, error);
  if (error != NULL)
    return;
  if (self->request->ticket > 0)
    message = g_strdup_printf (_("Ticket %d is finished. Thank you."), self->request->ticket);
  else
    message = g_strdup (_("The appointment is finished. Thank you."));
  ended (self, message);
}

static void
finish_clicked_cb (LhDeskRequestView *self, GtkButton *button)
{
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new ();
  LhFinishPlan plan;

  if (!any_outcome (self) || !begin (self, self->finish_button))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (self->outcomes_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
        g_ptr_array_add (outcomes, g_object_get_data (G_OBJECT (toggle), OUTCOME_KEY));
    }
  g_ptr_array_add (outcomes, NULL);
  plan.outcomes = (const char * const *) outcomes->pdata;
  plan.note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  lh_client_finish_request_async (self->client, self->request->id, &plan, self->cancellable, finish_cb, self);
}

/* Chosen by a tick and in words for a screen reader, not by colour alone. */
static void
outcome_toggled_cb (LhDeskRequestView *self, GtkToggleButton *button)
{
  gboolean active = gtk_toggle_button_get_active (button);

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (button), TICK_KEY), active);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED, active, -1);
  update_buttons (self);
}

/* ---- building --------------------------------------------------------- */

static GtkLabel *
fact (GtkGrid    *grid,
      int         row,
      const char *title)
{
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_yalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "lh-field-title");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_selectable (GTK_LABEL (value), FALSE);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_add_css_class (value, "lh-lead");
  gtk_grid_attach (grid, name, 0, row, 1, 1);
  gtk_grid_attach (grid, value, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL, -1);
  return GTK_LABEL (value);
}

static GtkWidget *
big_button (const char *label,
            gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "lh-primary");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static GtkWidget *
build_finish_form (LhDeskRequestView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("What came out of it? Tap all that apply."));
  /* The learner reads it on their record: it is theirs, not the ULR's. */
  GtkWidget *note_title = gtk_label_new (_("A note for their advice record, if you want. They can read it "
                                           "there, and so can the ULRs who support them. Nobody else can."));
  GtkFlowBox *flow = GTK_FLOW_BOX (gtk_flow_box_new ());
  GtkWidget *finish_row;
  guint n_outcomes;
  const LhDeskOutcome *outcomes = lh_desk_outcomes (&n_outcomes);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "lh-section-title");
  gtk_box_append (GTK_BOX (box), title);

  gtk_flow_box_set_selection_mode (flow, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (flow, TRUE);
  gtk_flow_box_set_max_children_per_line (flow, 4);
  gtk_flow_box_set_min_children_per_line (flow, 2);
  gtk_flow_box_set_column_spacing (flow, 12);
  gtk_flow_box_set_row_spacing (flow, 12);
  gtk_widget_add_css_class (GTK_WIDGET (flow), "lh-flow");
  for (guint i = 0; i < n_outcomes; i++)
    {
      /* Tap all that apply: check boxes to a screen reader. */
      GtkWidget *toggle = g_object_new (GTK_TYPE_TOGGLE_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_CHECKBOX, NULL);
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *tick = gtk_image_new_from_icon_name ("object-select-symbolic");
      GtkWidget *label = gtk_label_new (_(outcomes[i].label));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_image_set_pixel_size (GTK_IMAGE (tick), 24);
      gtk_accessible_update_property (GTK_ACCESSIBLE (tick), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_set_visible (tick, FALSE);
      gtk_widget_add_css_class (tick, "lh-outcome-tick");
      /* The label takes the width left, so it wraps only when it must. */
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (content), tick);
      gtk_box_append (GTK_BOX (content), label);
      gtk_button_set_child (GTK_BUTTON (toggle), content);
      g_object_set_data (G_OBJECT (toggle), TICK_KEY, tick);
      gtk_accessible_update_state (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_STATE_CHECKED, FALSE, -1);
      gtk_widget_add_css_class (toggle, "lh-choice");
      gtk_widget_add_css_class (toggle, "lh-outcome");
      g_object_set_data (G_OBJECT (toggle), OUTCOME_KEY, (gpointer) outcomes[i].id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _(outcomes[i].label), -1);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (outcome_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (flow, toggle);
    }
  self->outcomes_box = GTK_WIDGET (flow);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (flow));

  gtk_label_set_xalign (GTK_LABEL (note_title), 0);
  gtk_label_set_wrap (GTK_LABEL (note_title), TRUE);
  gtk_widget_add_css_class (note_title, "lh-field-title");
  gtk_widget_set_margin_top (note_title, 8);
  gtk_box_append (GTK_BOX (box), note_title);
  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_max_length (self->note_entry, 2000);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_entry), "lh-name-entry");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("A note for their advice record, if you want"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->note_entry));

  /* Why Finish is not ready, just before it on the same line: below it
   * would be off the screen. */
  finish_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_widget_set_halign (finish_row, GTK_ALIGN_END);
  gtk_widget_set_margin_top (finish_row, 8);
  self->finish_why = lh_why_disabled_label_new ();
  gtk_label_set_xalign (GTK_LABEL (self->finish_why), 1);
  /* One line in English; a longer translation wraps, not squeezed. */
  gtk_label_set_width_chars (GTK_LABEL (self->finish_why), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (self->finish_why), 40);
  gtk_widget_set_valign (self->finish_why, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (finish_row), self->finish_why);
  self->finish_button = big_button (_("Finish"), TRUE);
  g_signal_connect_object (self->finish_button, "clicked", G_CALLBACK (finish_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (finish_row), self->finish_button);
  gtk_box_append (GTK_BOX (box), finish_row);
  return box;
}

static void
build (LhDeskRequestView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *called = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  self->ticket_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->ticket_label, 0);
  gtk_label_set_wrap (self->ticket_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->ticket_label), "lh-page-title");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->ticket_label));

  self->who_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->who_label, 0);
  gtk_label_set_wrap (self->who_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->who_label), "lh-facts");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->who_label));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  self->topic_label = fact (GTK_GRID (grid), 0, _("Wants to talk about"));
  self->contact_label = fact (GTK_GRID (grid), 1, _("How to reach them"));
  self->note_label = fact (GTK_GRID (grid), 2, _("Their note"));
  gtk_widget_add_css_class (grid, "lh-desk-facts");
  gtk_box_append (GTK_BOX (box), grid);

  self->error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  gtk_box_append (GTK_BOX (self->error_box), image);
  gtk_box_append (GTK_BOX (self->error_box), GTK_WIDGET (self->error_label));
  gtk_widget_add_css_class (self->error_box, "lh-error");
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->error_box);

  self->actions_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->actions_stack, FALSE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->actions_stack), 8);
  gtk_widget_set_halign (called, GTK_ALIGN_END);
  gtk_box_set_homogeneous (GTK_BOX (called), TRUE);
  self->no_show_button = big_button (_("They did not come"), FALSE);
  self->start_button = big_button (_("Start"), TRUE);
  g_signal_connect_object (self->no_show_button, "clicked", G_CALLBACK (no_show_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_button, "clicked", G_CALLBACK (start_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (called), self->no_show_button);
  gtk_box_append (GTK_BOX (called), self->start_button);
  gtk_stack_add_named (self->actions_stack, called, "called");
  gtk_stack_add_named (self->actions_stack, build_finish_form (self), "finish");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->actions_stack));

  adw_bin_set_child (ADW_BIN (self), box);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_desk_request_view_dispose (GObject *object)
{
  LhDeskRequestView *self = LH_DESK_REQUEST_VIEW (object);

  lh_desk_request_view_reset (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lh_desk_request_view_parent_class)->dispose (object);
}

static void
lh_desk_request_view_class_init (LhDeskRequestViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_desk_request_view_dispose;

  /* The request is over (no-show or finished): what to say about it. */
  signals[SIGNAL_ENDED] =
    g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lh_desk_request_view_init (LhDeskRequestView *self)
{
  self->online = TRUE;
  build (self);
}

GtkWidget *
lh_desk_request_view_new (void)
{
  return g_object_new (LH_TYPE_DESK_REQUEST_VIEW, NULL);
}

void
lh_desk_request_view_set_client (LhDeskRequestView *self,
                                 LhClient          *client)
{
  g_return_if_fail (LH_IS_DESK_REQUEST_VIEW (self));
  g_set_object (&self->client, client);
}

void
lh_desk_request_view_show (LhDeskRequestView     *self,
                           const LhAdviceRequest *request)
{
  g_autofree char *ticket = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *contact = NULL;

  g_return_if_fail (LH_IS_DESK_REQUEST_VIEW (self));
  g_return_if_fail (request != NULL);

  lh_desk_request_view_reset (self);
  self->request = lh_advice_request_copy (request);

  if (request->ticket > 0)
    ticket = g_strdup_printf (_("Ticket %d"), request->ticket);
  else if (request->start != NULL)
    {
      g_autofree char *day = lh_format_day_long (request->start);
      g_autofree char *clock = lh_format_clock (request->start);

      /* Translators: "Appointment: Tuesday 24 November, 10:00" */
      ticket = g_strdup_printf (_("Appointment: %s, %s"), day, clock);
    }
  else
    ticket = g_strdup (_("Appointment"));
  gtk_label_set_label (self->ticket_label, ticket);
  gtk_label_set_label (self->who_label, request->learner ? request->learner : "");
  topic = lh_topic_title (request->topic);
  gtk_label_set_label (self->topic_label, topic);
  contact = lh_desk_contact_words (request->contact);
  if (request->contact_detail != NULL && *request->contact_detail != '\0')
    {
      g_autofree char *how = g_steal_pointer (&contact);

      /* Translators: how the learner would like to be reached, then
       * their phone number or email address: "By phone: 07700 900123" */
      contact = g_strdup_printf (_("%s: %s"), how, request->contact_detail);
    }
  gtk_label_set_label (self->contact_label, contact);
  gtk_label_set_label (self->note_label, request->note && *request->note ? request->note : _("No note"));
  gtk_stack_set_visible_child_name (self->actions_stack,
                                    g_strcmp0 (request->status, "started") == 0 ? "finish" : "called");
  update_buttons (self);
}

const LhAdviceRequest *
lh_desk_request_view_get_request (LhDeskRequestView *self)
{
  g_return_val_if_fail (LH_IS_DESK_REQUEST_VIEW (self), NULL);
  return self->request;
}

gboolean
lh_desk_request_view_is_busy (LhDeskRequestView *self)
{
  g_return_val_if_fail (LH_IS_DESK_REQUEST_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

void
lh_desk_request_view_update_online (LhDeskRequestView *self,
                                    gboolean           online)
{
  g_return_if_fail (LH_IS_DESK_REQUEST_VIEW (self));
  self->online = online;
  update_buttons (self);
}

void
lh_desk_request_view_reset (LhDeskRequestView *self)
{
  g_return_if_fail (LH_IS_DESK_REQUEST_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->request, lh_advice_request_free);
  if (self->outcomes_box == NULL)
    return;
  lh_busy_end (GTK_BUTTON (self->start_button));
  lh_busy_end (GTK_BUTTON (self->no_show_button));
  lh_busy_end (GTK_BUTTON (self->finish_button));
  for (GtkWidget *child = gtk_widget_get_first_child (self->outcomes_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_label_set_label (self->who_label, "");
  gtk_label_set_label (self->contact_label, "");
  gtk_label_set_label (self->note_label, "");
  show_error (self, NULL);
}
