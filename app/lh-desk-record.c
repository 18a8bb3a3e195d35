/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-desk-record"

#include "lh-desk-record.h"

#include <glib/gi18n.h>

#include "lh-advice-words.h"
#include "lh-busy.h"
#include "lh-card-widgets.h"
#include "lh-client-advice.h"
#include "lh-client-desk.h"
#include "lh-desk-record-form.h"
#include "lh-desk-record-sections.h"
#include "lh-messages.h"
#include "lh-page.h"
#include "lh-slot-widgets.h"


struct _LhDeskRecord
{
  AdwBin            parent_instance;

  LhClient         *client;             /* (owned) (nullable) */
  GCancellable     *load_cancellable;   /* (owned) (nullable) */
  GCancellable     *change_cancellable; /* (owned) (nullable) an add or a tick in flight */
  LhAdviceRecord   *record;             /* (owned) (nullable) shown */
  char             *learner;            /* (owned) (nullable) */
  char             *done_message;       /* (owned) (nullable) said once the change is made */
  gint64            learner_id;
  gint64            request_id;
  gint64            goal_id;            /* the goal a step in the form is for */
  gboolean          online;

  /* children (unowned) */
  GtkStack         *stack;
  GtkLabel         *title_label;
  GtkLabel         *status_label;
  GtkWidget        *error_box;
  GtkLabel         *error_label;
  GtkWidget        *done_box;
  GtkLabel         *done_label;
  GtkWidget        *actions_box;
  GtkBox           *sections_box;
  GtkWidget        *back_button;
  LhDeskRecordForm *form;
  GtkWidget        *busy_button;        /* (nullable) the tick in flight */
};

G_DEFINE_FINAL_TYPE (LhDeskRecord, lh_desk_record, ADW_TYPE_BIN)

enum {
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (LhDeskRecord *self);

static gboolean
is_busy (LhDeskRecord *self)
{
  return self->change_cancellable != NULL;
}

static GDateTime *
now_here (LhDeskRecord *self)
{
  return self->client ? lh_client_now (self->client) : g_date_time_new_now_local ();
}

static void
update_buttons (LhDeskRecord *self)
{
  gboolean can = self->online && !is_busy (self) && self->record != NULL;

  lh_page_set_buttons_sensitive (self->actions_box, can);
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->sections_box), can);
  gtk_widget_set_sensitive (self->back_button, !is_busy (self));
  gtk_widget_set_sensitive (GTK_WIDGET (lh_desk_record_form_get_back (self->form)), !is_busy (self));
  if (!lh_busy_is_busy (lh_desk_record_form_get_submit (self->form)))
    gtk_widget_set_sensitive (GTK_WIDGET (lh_desk_record_form_get_submit (self->form)),
                              self->online && !is_busy (self));
}

static void
show_error (LhDeskRecord *self,
            const char   *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

/* Said on the record itself, not in a toast: toasts queue, and a busy
 * ULR adding three things would read the first one's words last. */
static void
show_done (LhDeskRecord *self,
           const char   *message)
{
  gtk_label_set_label (self->done_label, message ? message : "");
  gtk_widget_set_visible (self->done_box, message != NULL);
}

static GtkWidget *
message_box (const char  *icon_name,
             const char  *css_class,
             GtkLabel   **label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  /* An alert, so that a screen reader says it at once. */
  *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                         "wrap", TRUE, "xalign", 0.0f, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*label));
  gtk_widget_add_css_class (box, css_class);
  gtk_widget_set_visible (box, FALSE);
  return box;
}

/* ---- the changes: adding, ticking done -------------------------------- */

static gboolean
begin_change (LhDeskRecord *self,
              GtkButton    *button,
              const char   *done_message)
{
  if (is_busy (self) || self->client == NULL || !self->online)
    return FALSE;
  self->change_cancellable = g_cancellable_new ();
  g_free (self->done_message);
  self->done_message = g_strdup (done_message);
  lh_busy_begin (button);
  update_buttons (self);
  return TRUE;
}

/* The change is made, or refused: say so, where the ULR is looking. */
static void
end_change (LhDeskRecord *self,
            const GError *error)
{
  g_autofree char *done_message = g_steal_pointer (&self->done_message);

  g_clear_object (&self->change_cancellable);
  lh_busy_end (lh_desk_record_form_get_submit (self->form));
  if (self->busy_button != NULL)
    lh_busy_end (GTK_BUTTON (self->busy_button));
  self->busy_button = NULL;
  update_buttons (self);
  if (error == NULL)
    {
      show_done (self, done_message);
      gtk_stack_set_visible_child_name (self->stack, "record");
      load (self);
      return;
    }
  g_debug ("Changing the record failed: %s", error->message);
  if (!g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    {
      g_autofree char *message = lh_advice_format_refusal (error);

      if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "form"))
        lh_desk_record_form_show_error (self->form, message);
      else
        show_error (self, message);
    }
}

static void
added_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* One callback for the three adds: each _finish only checks the tag. */
  if (g_async_result_is_tagged (result, lh_client_add_note_async))
    ok = lh_client_add_note_finish (LH_CLIENT (source), result, &error);
  else if (g_async_result_is_tagged (result, lh_client_add_plan_item_async))
    ok = lh_client_add_plan_item_finish (LH_CLIENT (source), result, &error);
  else
    ok = lh_client_add_mot_finish (LH_CLIENT (source), result, &error);
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_change (LH_DESK_RECORD (user_data), error);
}

static void
submit_cb (LhDeskRecord     *self,
           LhDeskRecordForm *form)
{
  LhRecordFormKind kind = lh_desk_record_form_get_kind (form);
  g_autofree char *text = lh_desk_record_form_get_text (form);
  g_autofree char *date = lh_desk_record_form_get_date (form);
  GtkButton *submit = lh_desk_record_form_get_submit (form);

  if (is_busy (self))
    return;
  if (*text == '\0')
    {
      lh_desk_record_form_show_error (form, kind == LH_RECORD_FORM_NOTE ? _("Please write the note first.")
                                            : kind == LH_RECORD_FORM_MOT ? _("Please write what came out of it first.")
                                            : _("Please write it in a few words first."));
      return;
    }
  lh_desk_record_form_show_error (form, NULL);
  switch (kind)
    {
    case LH_RECORD_FORM_NOTE:
      if (begin_change (self, submit, _("The note is added.")))
        lh_client_add_note_async (self->client, self->learner_id, text, self->request_id,
                                  self->change_cancellable, added_cb, self);
      break;
    case LH_RECORD_FORM_GOAL:
    case LH_RECORD_FORM_STEP:
      if (begin_change (self, submit, kind == LH_RECORD_FORM_GOAL ? _("The goal is added.") : _("The step is added.")))
        lh_client_add_plan_item_async (self->client, self->learner_id, text, date,
                                       kind == LH_RECORD_FORM_STEP ? self->goal_id : 0,
                                       self->change_cancellable, added_cb, self);
      break;
    case LH_RECORD_FORM_MOT:
    default:
      if (begin_change (self, submit, _("The learning MOT is saved.")))
        lh_client_add_mot_async (self->client, self->learner_id, text, date,
                                 self->change_cancellable, added_cb, self);
      break;
    }
}

static void
form_back_cb (LhDeskRecord     *self,
              LhDeskRecordForm *form)
{
  lh_desk_record_go_back (self);
}

static void
open_form (LhDeskRecord     *self,
           LhRecordFormKind  kind,
           const char       *goal)
{
  g_autoptr(GDateTime) now = now_here (self);

  if (is_busy (self) || self->record == NULL)
    return;
  show_error (self, NULL);
  show_done (self, NULL);
  lh_desk_record_form_start (self->form, kind, goal, now);
  gtk_stack_set_visible_child_name (self->stack, "form");
  update_buttons (self);
}

static void
add_note_clicked_cb (LhDeskRecord *self)
{
  open_form (self, LH_RECORD_FORM_NOTE, NULL);
}

static void
add_goal_clicked_cb (LhDeskRecord *self)
{
  open_form (self, LH_RECORD_FORM_GOAL, NULL);
}

static void
add_mot_clicked_cb (LhDeskRecord *self)
{
  open_form (self, LH_RECORD_FORM_MOT, NULL);
}

static void
add_step_clicked_cb (GtkButton    *button,
                     LhDeskRecord *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), LH_DESK_RECORD_ITEM_KEY);

  for (guint i = 0; id != NULL && self->record != NULL && i < self->record->plan->len; i++)
    {
      const LhPlanItem *goal = g_ptr_array_index (self->record->plan, i);

      if (goal->id == *id)
        {
          self->goal_id = goal->id;
          open_form (self, LH_RECORD_FORM_STEP, goal->text);
          return;
        }
    }
}

static void
done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPlanItem) item = lh_client_set_plan_item_done_finish (LH_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_change (LH_DESK_RECORD (user_data), error);
}

static void
done_clicked_cb (GtkButton    *button,
                 LhDeskRecord *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), LH_DESK_RECORD_ITEM_KEY);
  gboolean done = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), LH_DESK_RECORD_DONE_KEY));

  if (id == NULL || !begin_change (self, button, done ? _("Marked as not done.") : _("Marked as done.")))
    return;
  show_error (self, NULL);
  show_done (self, NULL);
  self->busy_button = GTK_WIDGET (button);
  lh_client_set_plan_item_done_async (self->client, *id, !done, self->change_cancellable, done_cb, self);
}

/* ---- showing the record ----------------------------------------------- */

static void
record_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  LhAdviceRecord *record = lh_client_get_learner_record_finish (LH_CLIENT (source), result, &error);
  LhDeskRecord *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_RECORD (user_data);
  g_clear_object (&self->load_cancellable);
  if (record != NULL)
    {
      /* The widgets point at nothing of the old record: rebuilt first. */
      g_clear_pointer (&self->record, lh_advice_record_free);
      self->record = record;
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      lh_remove_children (GTK_WIDGET (self->sections_box));
      lh_desk_record_sections_fill (self->sections_box, self->record, G_CALLBACK (done_clicked_cb),
                                    G_CALLBACK (add_step_clicked_cb), self);
    }
  else if (!g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    {
      g_autofree char *message = lh_message_for_error (error);

      g_debug ("Loading the record failed: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      show_error (self, message);
    }
  update_buttons (self);
}

static void
load (LhDeskRecord *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->client == NULL)
    return;
  self->load_cancellable = g_cancellable_new ();
  lh_client_get_learner_record_async (self->client, self->learner_id, self->load_cancellable, record_cb, self);
}

/* ---- building --------------------------------------------------------- */

static GtkWidget *
action_button (const char   *label,
               const char   *icon_name,
               GCallback     callback,
               LhDeskRecord *self)
{
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT, "icon-name", icon_name, "label", label,
                                      "halign", GTK_ALIGN_CENTER, NULL));
  gtk_widget_add_css_class (button, "lh-choice");
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static void
back_clicked_cb (LhDeskRecord *self)
{
  if (!is_busy (self))
    g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
build (LhDeskRecord *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);

  self->stack = GTK_STACK (gtk_stack_new ());
  /* Each view as wide as it needs: a form does not widen the record. */
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);

  self->title_label = GTK_LABEL (lh_card_label_new (NULL, "lh-page-title"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  self->status_label = GTK_LABEL (lh_card_label_new (_("Loading their record…"), "lh-lead"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));

  self->error_box = message_box ("dialog-warning-symbolic", "lh-error", &self->error_label);
  gtk_box_append (GTK_BOX (box), self->error_box);
  self->done_box = message_box ("object-select-symbolic", "lh-message", &self->done_label);
  gtk_widget_set_halign (self->done_box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), self->done_box);

  gtk_box_append (GTK_BOX (actions), action_button (_("Add a note"), "document-edit-symbolic",
                                                    G_CALLBACK (add_note_clicked_cb), self));
  gtk_box_append (GTK_BOX (actions), action_button (_("Add a goal"), "list-add-symbolic",
                                                    G_CALLBACK (add_goal_clicked_cb), self));
  gtk_box_append (GTK_BOX (actions), action_button (_("Record a learning MOT"), "emblem-documents-symbolic",
                                                    G_CALLBACK (add_mot_clicked_cb), self));
  self->actions_box = actions;
  gtk_box_append (GTK_BOX (box), actions);

  self->sections_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->sections_box));

  self->back_button = gtk_button_new_with_label (_("Back"));
  gtk_widget_add_css_class (self->back_button, "lh-primary");
  gtk_widget_set_halign (self->back_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->back_button, 8);
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->back_button);
  gtk_stack_add_named (self->stack, box, "record");

  self->form = LH_DESK_RECORD_FORM (lh_desk_record_form_new ());
  g_signal_connect_object (self->form, "submit", G_CALLBACK (submit_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "back", G_CALLBACK (form_back_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->form), "form");

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_desk_record_dispose (GObject *object)
{
  LhDeskRecord *self = LH_DESK_RECORD (object);

  lh_desk_record_reset (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lh_desk_record_parent_class)->dispose (object);
  /* The children are gone: a reset after this touches none. */
  self->stack = NULL;
}

static void
lh_desk_record_class_init (LhDeskRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_desk_record_dispose;

  signals[SIGNAL_BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lh_desk_record_init (LhDeskRecord *self)
{
  self->online = TRUE;
  build (self);
}

GtkWidget *
lh_desk_record_new (void)
{
  return g_object_new (LH_TYPE_DESK_RECORD, NULL);
}

void
lh_desk_record_set_client (LhDeskRecord *self,
                           LhClient     *client)
{
  g_return_if_fail (LH_IS_DESK_RECORD (self));
  g_set_object (&self->client, client);
}

void
lh_desk_record_show (LhDeskRecord *self,
                     gint64        learner_id,
                     const char   *learner,
                     gint64        request_id)
{
  g_autofree char *title = NULL;

  g_return_if_fail (LH_IS_DESK_RECORD (self));

  lh_desk_record_reset (self);
  self->learner_id = learner_id;
  self->request_id = request_id;
  self->learner = g_strdup (learner);
  if (learner != NULL)
    /* Translators: "Amira Khan’s record" */
    title = g_strdup_printf (_("%s’s record"), learner);
  else
    title = g_strdup (_("Their record"));
  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  load (self);
  update_buttons (self);
}

gboolean
lh_desk_record_is_busy (LhDeskRecord *self)
{
  g_return_val_if_fail (LH_IS_DESK_RECORD (self), FALSE);
  return is_busy (self);
}

void
lh_desk_record_update_online (LhDeskRecord *self,
                              gboolean      online)
{
  g_return_if_fail (LH_IS_DESK_RECORD (self));
  self->online = online;
  update_buttons (self);
}

gboolean
lh_desk_record_go_back (LhDeskRecord *self)
{
  g_return_val_if_fail (LH_IS_DESK_RECORD (self), FALSE);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "form"))
    return FALSE;
  /* An add in flight happens anyway: wait for its answer. */
  if (!is_busy (self))
    gtk_stack_set_visible_child_name (self->stack, "record");
  return TRUE;
}

void
lh_desk_record_reset (LhDeskRecord *self)
{
  g_return_if_fail (LH_IS_DESK_RECORD (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->change_cancellable);
  g_clear_object (&self->change_cancellable);
  g_clear_pointer (&self->done_message, g_free);
  g_clear_pointer (&self->learner, g_free);
  self->learner_id = 0;
  self->request_id = 0;
  self->goal_id = 0;
  if (self->stack == NULL)
    return;
  lh_busy_end (lh_desk_record_form_get_submit (self->form));
  self->busy_button = NULL;
  lh_remove_children (GTK_WIDGET (self->sections_box));
  g_clear_pointer (&self->record, lh_advice_record_free);
  show_error (self, NULL);
  show_done (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "record");
  update_buttons (self);
}
