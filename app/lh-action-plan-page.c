/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-action-plan-page"

#include "lh-action-plan-page.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-column.h"
#include "lh-new-objective-form.h"
#include "lh-objective-form.h"
#include "lh-slot-widgets.h"
#include "lh-time-format.h"

struct _LhActionPlanPage
{
  AdwBin        parent_instance;

  LhClient     *client;       /* (owned) (nullable) */
  GCancellable *cancellable;  /* (owned) (nullable) the read under way */
  GPtrArray    *plan;         /* (owned) (nullable) (element-type LhPlanObjective) as shown */
  gboolean      in_history;   /* an objective's history or its form, not the plan */
  GtkBox       *content;      /* (unowned) what the page shows now */
};

G_DEFINE_FINAL_TYPE (LhActionPlanPage, lh_action_plan_page, ADW_TYPE_BIN)

#define OBJECTIVE_KEY "lh-objective"

/* What a History button keeps of its objective. */
typedef struct
{
  gint64 id;
  gint64 number;
} ObjectiveRef;

const char *
lh_action_plan_status_words (const char *status)
{
  static const struct { const char *status; const char *words; } words[] = {
    { "planned", N_("Planned") },
    { "in-progress", N_("In progress") },
    { "done", N_("Done") },
    { "dropped", N_("Dropped") },
  };

  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (status, words[i].status))
      return _(words[i].words);
  return status != NULL ? status : "";
}

static const char *
field_words (const char *field)
{
  static const struct { const char *field; const char *words; } words[] = {
    { "number", N_("Number") },
    { "activity", N_("Planned activity") },
    { "by_whom", N_("By whom") },
    { "due_day", N_("By when") },
    { "outcomes", N_("Recorded outcomes") },
    { "next_steps", N_("Reviewed / next steps") },
    { "status", N_("Status") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (field, words[i].field))
      return _(words[i].words);
  return field;
}

char *
lh_action_plan_change_words (const LhPlanChange *change)
{
  const char *old_value = change->old_value != NULL ? change->old_value : "";
  const char *new_value = change->new_value != NULL ? change->new_value : "";

  g_return_val_if_fail (change != NULL, NULL);

  if (g_str_equal (change->field, "created"))
    return g_strdup (_("Added to the plan"));
  if (g_str_equal (change->field, "status"))
    {
      old_value = lh_action_plan_status_words (old_value);
      new_value = lh_action_plan_status_words (new_value);
    }
  if (*old_value == '\0')
    /* Translators: a field given its first value, e.g. "Recorded outcomes: 9 came" */
    return g_strdup_printf (_("%s: %s"), field_words (change->field), new_value);
  /* Translators: "Status: Planned → In progress" */
  return g_strdup_printf (_("%s: %s → %s"), field_words (change->field), old_value, new_value);
}

gboolean
lh_action_plan_page_is_for (const LhPerson *person)
{
  return lh_may (person, LH_WAY_COMMITTEE);
}

static void show_history (LhActionPlanPage *self, const ObjectiveRef *objective);

static void
history_clicked_cb (GtkButton        *button,
                    LhActionPlanPage *self)
{
  show_history (self, g_object_get_data (G_OBJECT (button), OBJECTIVE_KEY));
}

static void show_form (LhActionPlanPage *self, gint64 objective_id);

static void
update_clicked_cb (GtkButton        *button,
                   LhActionPlanPage *self)
{
  show_form (self, *(gint64 *) g_object_get_data (G_OBJECT (button), OBJECTIVE_KEY));
}

static GtkWidget *
objective_card (LhActionPlanPage      *self,
                const LhPlanObjective *objective)
{
  GtkWidget *card;
  GtkWidget *frame = lh_card_frame_new (&card);
  g_autofree char *title = g_strdup_printf ("%" G_GINT64_FORMAT ". %s", objective->number, objective->activity);
  g_autoptr(GDateTime) due = g_date_time_new_local (g_date_get_year (objective->due),
                                                    g_date_get_month (objective->due),
                                                    g_date_get_day (objective->due), 0, 0, 0);
  g_autofree char *due_words = lh_format_day_long (due);
  g_autofree char *year = g_strdup_printf ("%s %d", due_words, g_date_get_year (objective->due));
  /* Translators: "Lead ULR · by Wednesday 31 March 2027 · In progress" */
  g_autofree char *facts = g_strdup_printf (_("%s · by %s · %s"), objective->by_whom, year,
                                            lh_action_plan_status_words (objective->status));
  /* Translators: a screen reader's name for the button, e.g. "History of objective 2" */
  g_autofree char *a11y = g_strdup_printf (_("History of objective %d"), (int) objective->number);
  GtkWidget *button = lh_card_button_new (_("History"), NULL, a11y);
  /* Translators: a screen reader's name for the button, e.g. "Update objective 2" */
  g_autofree char *update_a11y = g_strdup_printf (_("Update objective %d"), (int) objective->number);
  GtkWidget *update = lh_card_button_new (_("Update"), NULL, update_a11y);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_append (GTK_BOX (card), lh_card_label_new (title, "lh-section-title"));
  gtk_box_append (GTK_BOX (card), lh_card_label_new (facts, NULL));
  if (objective->outcomes[0] != '\0')
    {
      /* Translators: "Outcomes: First session held: 9 came" */
      g_autofree char *outcomes = g_strdup_printf (_("Outcomes: %s"), objective->outcomes);

      gtk_box_append (GTK_BOX (card), lh_card_label_new (outcomes, NULL));
    }
  if (objective->next_steps[0] != '\0')
    {
      /* Translators: "Next steps: Book the MOT at induction itself" */
      g_autofree char *next = g_strdup_printf (_("Next steps: %s"), objective->next_steps);

      gtk_box_append (GTK_BOX (card), lh_card_label_new (next, NULL));
    }
  g_object_set_data_full (G_OBJECT (button), OBJECTIVE_KEY,
                          g_memdup2 (&(ObjectiveRef) { objective->id, objective->number }, sizeof (ObjectiveRef)),
                          g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (history_clicked_cb), self);
  g_object_set_data_full (G_OBJECT (update), OBJECTIVE_KEY, g_memdup2 (&objective->id, sizeof objective->id), g_free);
  g_signal_connect (update, "clicked", G_CALLBACK (update_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), update);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (card), buttons);
  return frame;
}

static void add_clicked_cb (GtkButton *button, LhActionPlanPage *self);

static GtkWidget *
add_button (LhActionPlanPage *self)
{
  GtkWidget *button = gtk_button_new_with_label (_("Add an objective"));

  gtk_widget_add_css_class (button, "lh-secondary");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect (button, "clicked", G_CALLBACK (add_clicked_cb), self);
  return button;
}

static void
plan_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LhActionPlanPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = lh_client_action_plan_finish (LH_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_ACTION_PLAN_PAGE (user_data);
  if (!lh_column_end_read (self->content, &self->cancellable, error))
    return;
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  self->plan = g_ptr_array_ref (plan);
  lh_remove_children (GTK_WIDGET (self->content));
  gtk_box_append (self->content, lh_card_label_new (_("The committee's action plan"), "lh-page-title"));
  gtk_box_append (self->content, add_button (self));
  if (plan->len == 0)
    gtk_box_append (self->content, lh_card_label_new (_("The plan has no objectives yet."), "lh-lead"));
  for (guint i = 0; i < plan->len; i++)
    gtk_box_append (self->content, objective_card (self, g_ptr_array_index (plan, i)));
}

void
lh_action_plan_page_load (LhActionPlanPage *self)
{
  g_return_if_fail (LH_IS_ACTION_PLAN_PAGE (self));

  self->in_history = FALSE;
  if (self->client == NULL)
    return;
  lh_client_action_plan_async (self->client, lh_column_begin_read (self->content, &self->cancellable),
                               plan_read_cb, self);
}

static void
history_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LhActionPlanPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = lh_client_objective_history_finish (LH_CLIENT (source), result, &error);
  const char *title;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_ACTION_PLAN_PAGE (user_data);
  if (!lh_column_end_read (self->content, &self->cancellable, error))
    return;
  title = g_object_get_data (G_OBJECT (self), "lh-history-title");
  lh_remove_children (GTK_WIDGET (self->content));
  gtk_box_append (self->content, lh_card_label_new (title, "lh-page-title"));
  for (guint i = 0; i < changes->len; i++)
    {
      const LhPlanChange *change = g_ptr_array_index (changes, i);
      g_autofree char *day = lh_format_day_long (change->at);
      g_autofree char *words = lh_action_plan_change_words (change);
      /* Translators: "Wednesday 11 November, Grace Mensah" */
      g_autofree char *when = g_strdup_printf (_("%s, %s"), day, change->by);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_widget_set_margin_bottom (row, 8);
      gtk_box_append (GTK_BOX (row), lh_card_label_new (when, "dim-label"));
      gtk_box_append (GTK_BOX (row), lh_card_label_new (words, NULL));
      gtk_box_append (self->content, row);
    }
}

static void
show_history (LhActionPlanPage   *self,
              const ObjectiveRef *objective)
{
  /* Translators: the history page's title, e.g. "Objective 2: its history" */
  g_autofree char *title = g_strdup_printf (_("Objective %d: its history"), (int) objective->number);

  g_object_set_data_full (G_OBJECT (self), "lh-history-title", g_steal_pointer (&title), g_free);
  self->in_history = TRUE;
  lh_client_objective_history_async (self->client, objective->id,
                                     lh_column_begin_read (self->content, &self->cancellable),
                                     history_read_cb, self);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LhObjectiveForm) form = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPlanObjective) objective = lh_client_edit_objective_finish (LH_CLIENT (source), result, &error);
  GtkWidget *page;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  lh_objective_form_set_busy (form, FALSE);
  if (objective == NULL)
    {
      lh_objective_form_show_error (form, error);
      return;
    }
  /* Back to the plan, as it now stands, unless the person moved on. */
  page = gtk_widget_get_ancestor (GTK_WIDGET (form), LH_TYPE_ACTION_PLAN_PAGE);
  if (page != NULL)
    lh_action_plan_page_load (LH_ACTION_PLAN_PAGE (page));
}

static void
save_cb (LhObjectiveForm  *form,
         LhActionPlanPage *self)
{
  lh_objective_form_set_busy (form, TRUE);
  lh_client_edit_objective_async (self->client, lh_objective_form_get_id (form), lh_objective_form_get_status (form),
                                  lh_objective_form_get_outcomes (form), lh_objective_form_get_next_steps (form),
                                  NULL, saved_cb, g_object_ref (form));
}

static void
show_form (LhActionPlanPage *self,
           gint64            objective_id)
{
  GtkWidget *form;

  for (guint i = 0; self->plan != NULL && i < self->plan->len; i++)
    {
      const LhPlanObjective *objective = g_ptr_array_index (self->plan, i);

      if (objective->id != objective_id)
        continue;
      self->in_history = TRUE;
      form = lh_objective_form_new (objective);
      g_signal_connect_object (form, "save", G_CALLBACK (save_cb), self, 0);
      lh_remove_children (GTK_WIDGET (self->content));
      gtk_box_append (self->content, form);
      return;
    }
}

/* ---- a new objective --------------------------------------------------- */

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LhNewObjectiveForm) form = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPlanObjective) objective = lh_client_add_objective_finish (LH_CLIENT (source), result, &error);
  GtkWidget *page;

  lh_new_objective_form_set_busy (form, FALSE);
  if (objective == NULL)
    {
      lh_new_objective_form_show_error (form, error);
      return;
    }
  /* Back to the plan, with it, unless the person moved on. */
  page = gtk_widget_get_ancestor (GTK_WIDGET (form), LH_TYPE_ACTION_PLAN_PAGE);
  if (page != NULL)
    lh_action_plan_page_load (LH_ACTION_PLAN_PAGE (page));
}

static void
add_save_cb (LhNewObjectiveForm *form,
             LhActionPlanPage   *self)
{
  g_autofree char *due_day = lh_new_objective_form_get_due_day (form);

  if (due_day == NULL)
    return;
  lh_new_objective_form_set_busy (form, TRUE);
  lh_client_add_objective_async (self->client, lh_new_objective_form_get_number (form),
                                 lh_new_objective_form_get_activity (form), lh_new_objective_form_get_by_whom (form),
                                 due_day, NULL, added_cb, g_object_ref (form));
}

/* The number offered is the next after the highest in the plan. */
static void
add_clicked_cb (GtkButton        *button,
                LhActionPlanPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  gint64 highest = 0;
  GtkWidget *form;

  if (self->client == NULL)
    return;
  for (guint i = 0; self->plan != NULL && i < self->plan->len; i++)
    highest = MAX (highest, ((const LhPlanObjective *) g_ptr_array_index (self->plan, i))->number);
  now = lh_client_now (self->client);
  form = lh_new_objective_form_new (now, highest + 1);
  self->in_history = TRUE;
  g_signal_connect_object (form, "save", G_CALLBACK (add_save_cb), self, 0);
  lh_remove_children (GTK_WIDGET (self->content));
  gtk_box_append (self->content, form);
}

gboolean
lh_action_plan_page_go_back (LhActionPlanPage *self)
{
  g_return_val_if_fail (LH_IS_ACTION_PLAN_PAGE (self), FALSE);

  if (!self->in_history)
    return FALSE;
  lh_action_plan_page_load (self);
  return TRUE;
}

/* A change made elsewhere (another kiosk, learnhubctl): the plan shown is
 * read again, but a form or history open stays as the member left it
 * (Back and save read the plan anyway); a page not shown is read when
 * it is. */
static void
committee_changed_cb (LhClient         *client,
                      const char       *type,
                      JsonNode         *data,
                      LhActionPlanPage *self)
{
  if (!self->in_history && gtk_widget_get_mapped (GTK_WIDGET (self)))
    lh_action_plan_page_load (self);
}

void
lh_action_plan_page_set_client (LhActionPlanPage *self,
                                LhClient         *client)
{
  g_return_if_fail (LH_IS_ACTION_PLAN_PAGE (self));
  g_return_if_fail (LH_IS_CLIENT (client));

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  g_signal_connect_object (client, "event::committee-changed", G_CALLBACK (committee_changed_cb), self, 0);
}

static void
lh_action_plan_page_dispose (GObject *object)
{
  LhActionPlanPage *self = LH_ACTION_PLAN_PAGE (object);

  lh_column_cancel_read (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  G_OBJECT_CLASS (lh_action_plan_page_parent_class)->dispose (object);
}

static void
lh_action_plan_page_class_init (LhActionPlanPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_action_plan_page_dispose;
}

static void
lh_action_plan_page_init (LhActionPlanPage *self)
{
  self->content = lh_column_new_in (ADW_BIN (self));
}

GtkWidget *
lh_action_plan_page_new (void)
{
  return g_object_new (LH_TYPE_ACTION_PLAN_PAGE, NULL);
}
