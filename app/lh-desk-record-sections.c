/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-desk-record"

#include "lh-desk-record-sections.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lh-advice-words.h"
#include "lh-card-widgets.h"
#include "lh-record-sections.h"
#include "lh-time-format.h"

typedef struct
{
  GCallback done;
  GCallback add_step;
  gpointer  user_data;
} Callbacks;

static GtkWidget *
item_button (const char *label,
             const char *icon_name,
             const char *accessible,
             gint64      id,
             GCallback   callback,
             gpointer    user_data)
{
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT, "icon-name", icon_name, "label", label, NULL));
  gtk_widget_add_css_class (button, "lh-row-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), LH_DESK_RECORD_ITEM_KEY, g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (button, "clicked", callback, user_data);
  return button;
}

static GtkWidget *
plan_row (const LhPlanItem *item,
          gboolean          step,
          const Callbacks  *callbacks)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  g_autofree char *accessible = NULL;
  GtkWidget *button;

  gtk_box_append (GTK_BOX (row), lh_record_plan_info_new (item, step));

  /* Done or not in words and an icon, not by colour alone. */
  accessible = item->done ? g_strdup_printf (_("Done: %s. Press to mark it not done."), item->text)
                          : g_strdup_printf (_("Mark as done: %s"), item->text);
  button = item_button (item->done ? _("Done") : _("Tick when done"),
                        item->done ? "checkbox-checked-symbolic" : "checkbox-symbolic",
                        accessible, item->id, callbacks->done, callbacks->user_data);
  g_object_set_data (G_OBJECT (button), LH_DESK_RECORD_DONE_KEY, GINT_TO_POINTER (item->done));
  gtk_widget_add_css_class (button, "lh-record-done");
  if (item->done)
    gtk_widget_add_css_class (button, "lh-record-done-yes");
  gtk_box_append (GTK_BOX (row), button);
  if (step)
    gtk_widget_add_css_class (row, "lh-record-step-row");
  return row;
}

static GtkWidget *
card_new (void)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-record-card");
  return card;
}

static gboolean
has_goal (const LhAdviceRecord *record,
          gint64                goal_id)
{
  for (guint i = 0; i < record->plan->len; i++)
    {
      const LhPlanItem *item = g_ptr_array_index (record->plan, i);

      if (item->id == goal_id && item->goal_id == 0)
        return TRUE;
    }
  return FALSE;
}

static void
fill_plan (GtkBox               *box,
           const LhAdviceRecord *record,
           const Callbacks      *callbacks)
{
  GtkWidget *others = NULL;

  gtk_box_append (box, lh_card_label_new (_("Learning plan"), "lh-section-title"));
  if (record->plan->len == 0)
    gtk_box_append (box, lh_card_label_new (_("No plan yet."), "lh-record-none"));
  for (guint i = 0; i < record->plan->len; i++)
    {
      const LhPlanItem *goal = g_ptr_array_index (record->plan, i);
      g_autofree char *accessible = NULL;
      GtkWidget *card, *add;

      if (goal->goal_id != 0)
        continue;
      card = card_new ();
      gtk_box_append (GTK_BOX (card), plan_row (goal, FALSE, callbacks));
      for (guint j = 0; j < record->plan->len; j++)
        {
          const LhPlanItem *step = g_ptr_array_index (record->plan, j);

          if (step->goal_id == goal->id)
            gtk_box_append (GTK_BOX (card), plan_row (step, TRUE, callbacks));
        }
      /* Translators: read out for the Add a step button of a goal */
      accessible = g_strdup_printf (_("Add a step towards: %s"), goal->text);
      add = item_button (_("Add a step"), "list-add-symbolic", accessible, goal->id,
                         callbacks->add_step, callbacks->user_data);
      gtk_widget_set_halign (add, GTK_ALIGN_START);
      gtk_widget_set_margin_start (add, 32);
      gtk_box_append (GTK_BOX (card), add);
      gtk_box_append (box, card);
    }
  /* Steps whose goal is not in the record: shown all the same. */
  for (guint i = 0; i < record->plan->len; i++)
    {
      const LhPlanItem *step = g_ptr_array_index (record->plan, i);

      if (step->goal_id == 0 || has_goal (record, step->goal_id))
        continue;
      if (others == NULL)
        {
          others = card_new ();
          gtk_box_append (box, others);
        }
      gtk_box_append (GTK_BOX (others), plan_row (step, TRUE, callbacks));
    }
}

/* A note or a MOT: who and when, then the words. */
static GtkWidget *
entry_card (GDateTime  *when,
            const char *who,
            const char *text,
            const char *next)
{
  GtkWidget *card = card_new ();
  g_autofree char *day = when ? lh_format_day_short (when) : g_strdup ("");
  /* Translators: who wrote a note or held a MOT, and when: "Tue 24 Nov, Dev Patel" */
  g_autofree char *head = g_strdup_printf (_("%s, %s"), day, who ? who : "");

  gtk_box_append (GTK_BOX (card), lh_card_label_new (head, "lh-record-strong"));
  gtk_box_append (GTK_BOX (card), lh_card_label_new (text, "lh-lead"));
  if (next != NULL)
    {
      g_autofree char *date = lh_advice_format_date (next);
      /* Translators: "Next learning MOT due: 24 November 2027" */
      g_autofree char *line = g_strdup_printf (_("Next learning MOT due: %s"), date);

      gtk_box_append (GTK_BOX (card), lh_card_line_new ("x-office-calendar-symbolic", line, NULL));
    }
  return card;
}

void
lh_desk_record_sections_fill (GtkBox               *box,
                              const LhAdviceRecord *record,
                              GCallback             done_clicked,
                              GCallback             add_step_clicked,
                              gpointer              user_data)
{
  Callbacks callbacks = { done_clicked, add_step_clicked, user_data };

  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (record != NULL);

  fill_plan (box, record, &callbacks);

  gtk_box_append (box, lh_card_label_new (_("Notes"), "lh-section-title"));
  if (record->notes->len == 0)
    gtk_box_append (box, lh_card_label_new (_("No notes yet."), "lh-record-none"));
  for (guint i = 0; i < record->notes->len; i++)
    {
      const LhAdviceNote *note = g_ptr_array_index (record->notes, i);

      gtk_box_append (box, entry_card (note->created_at, note->author, note->text, NULL));
    }

  gtk_box_append (box, lh_card_label_new (_("Learning MOTs"), "lh-section-title"));
  if (record->mots->len == 0)
    gtk_box_append (box, lh_card_label_new (_("No learning MOT yet."), "lh-record-none"));
  for (guint i = 0; i < record->mots->len; i++)
    {
      const LhMot *mot = g_ptr_array_index (record->mots, i);

      gtk_box_append (box, entry_card (mot->held_at, mot->ulr, mot->summary, mot->next_due));
    }
}
