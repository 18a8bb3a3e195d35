/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-equality-page"

#include "lh-equality-page.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-client-equality.h"
#include "lh-equality-words.h"
#include "lh-messages.h"
#include "lh-slot-widgets.h"

#define FACTOR_KEY "lh-factor"
#define GROUP_KEY "lh-group"

struct _LhEqualityPage
{
  LhPage        parent_instance;

  GCancellable *save_cancellable;  /* (owned) (nullable) while saving or removing */
  GPtrArray    *toggles;           /* (owned) unowned, every answer's toggle */
  gboolean      choosing;          /* setting toggles: no toggled handling */

  /* template children (unowned) */
  GtkBox       *summary_box;
  GtkBox       *entries_box;
  GtkLabel     *confirm_question_label;
};

G_DEFINE_FINAL_TYPE (LhEqualityPage, lh_equality_page, LH_TYPE_PAGE)

/* ---- the questions ---------------------------------------------------- */

static void save_clicked_cb (LhEqualityPage *self, GtkButton *button);
static void remove_clicked_cb (LhEqualityPage *self, GtkButton *button);

/* One answer to a question at most: choosing one lets go of the others;
 * tapping the chosen one again leaves the question unanswered. */
static void
toggled_cb (LhEqualityPage  *self,
            GtkToggleButton *toggle)
{
  const char *factor = g_object_get_data (G_OBJECT (toggle), FACTOR_KEY);

  if (self->choosing || !gtk_toggle_button_get_active (toggle))
    return;
  self->choosing = TRUE;
  for (guint i = 0; i < self->toggles->len; i++)
    {
      GtkToggleButton *other = g_ptr_array_index (self->toggles, i);

      if (other != toggle && g_str_equal (g_object_get_data (G_OBJECT (other), FACTOR_KEY), factor))
        gtk_toggle_button_set_active (other, FALSE);
    }
  self->choosing = FALSE;
}

static void
show_answers (LhEqualityPage *self,
              GHashTable     *answers)
{
  self->choosing = TRUE;
  for (guint i = 0; i < self->toggles->len; i++)
    {
      GtkToggleButton *toggle = g_ptr_array_index (self->toggles, i);
      const char *given = g_hash_table_lookup (answers, g_object_get_data (G_OBJECT (toggle), FACTOR_KEY));

      gtk_toggle_button_set_active (toggle, g_strcmp0 (given, g_object_get_data (G_OBJECT (toggle), GROUP_KEY)) == 0);
    }
  self->choosing = FALSE;
}

static GtkWidget *
question_box (LhEqualityPage           *self,
              const LhEqualityQuestion *question)
{
  const char *words = lh_equality_question_words (question->key);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkFlowBox *groups = GTK_FLOW_BOX (gtk_flow_box_new ());

  gtk_box_append (GTK_BOX (box), lh_card_label_new (words, "lh-field-title"));
  gtk_flow_box_set_selection_mode (groups, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (groups, 7);
  gtk_flow_box_set_column_spacing (groups, 12);
  gtk_flow_box_set_row_spacing (groups, 12);
  gtk_widget_add_css_class (GTK_WIDGET (groups), "lh-flow");
  for (guint g = 0; question->groups[g] != NULL; g++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (lh_equality_group_words (question->key,
                                                                                    question->groups[g]));

      gtk_widget_add_css_class (toggle, "lh-choice");
      g_object_set_data_full (G_OBJECT (toggle), FACTOR_KEY, g_strdup (question->key), g_free);
      g_object_set_data_full (G_OBJECT (toggle), GROUP_KEY, g_strdup (question->groups[g]), g_free);
      /* A screen reader hears which question an answer is to. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words, -1);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->toggles, toggle);
      lh_flow_box_append (groups, toggle);
    }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (groups));
  return box;
}

static GtkWidget *
action_button (LhEqualityPage *self,
               const char     *label,
               const char     *style,
               GCallback       clicked)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, style);
  gtk_widget_add_css_class (button, "lh-primary");
  g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);
  return button;
}

static void
show_questions (LhEqualityPage          *self,
                const LhEqualityAnswers *answers)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  lh_remove_children (GTK_WIDGET (self->summary_box));
  lh_remove_children (GTK_WIDGET (self->entries_box));
  g_ptr_array_set_size (self->toggles, 0);
  gtk_box_append (self->summary_box, lh_card_label_new (_("About you (optional)"), "lh-page-title"));
  gtk_box_append (self->summary_box,
                  lh_card_label_new (_("Your answers are private. No one at work sees them, not even the union "
                                       "learning reps: they are kept apart from your name and used only to count "
                                       "how many people in each group use the centre, never in groups so small "
                                       "that anyone could be picked out. Every question is up to you: answer "
                                       "any, none, or “Prefer not to say”. "
                                       "You can change or remove your answers at any time."), "lh-lead"));
  for (guint i = 0; i < answers->questions->len; i++)
    gtk_box_append (self->entries_box, question_box (self, g_ptr_array_index (answers->questions, i)));
  show_answers (self, answers->answers);

  gtk_box_append (GTK_BOX (buttons), action_button (self, _("Save"), "suggested-action",
                                                    G_CALLBACK (save_clicked_cb)));
  gtk_box_append (GTK_BOX (buttons), action_button (self, _("Remove my answers"), "destructive-action",
                                                    G_CALLBACK (remove_clicked_cb)));
  gtk_widget_set_margin_top (buttons, 16);
  gtk_box_append (self->entries_box, buttons);
  lh_page_set_content (LH_PAGE (self), "list");
  lh_page_update_online (LH_PAGE (self));
}

static void
answers_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEqualityAnswers) answers = lh_client_get_equality_finish (LH_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (answers != NULL)
    show_questions (LH_EQUALITY_PAGE (user_data), answers);
  lh_page_end_load (LH_PAGE (user_data), error);
}

void
lh_equality_page_load (LhEqualityPage *self)
{
  GCancellable *cancellable;

  g_return_if_fail (LH_IS_EQUALITY_PAGE (self));

  if (lh_page_get_client (LH_PAGE (self)) == NULL || self->save_cancellable != NULL)
    return;
  cancellable = lh_page_begin_list_load (LH_PAGE (self));
  lh_client_get_equality_async (lh_page_get_client (LH_PAGE (self)), cancellable, answers_cb, self);
}

/* ---- saving and removing ---------------------------------------------- */

static void
end_saving (LhEqualityPage *self)
{
  g_clear_object (&self->save_cancellable);
  lh_page_update_online (LH_PAGE (self));
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEqualityAnswers) answers = lh_client_set_equality_finish (LH_CLIENT (source), result, &error);
  LhEqualityPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_EQUALITY_PAGE (user_data);
  end_saving (self);
  if (answers != NULL)
    {
      show_answers (self, answers->answers);
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", _("Your answers are saved."));
      return;
    }
  g_debug ("Saving equality answers failed: %s", error->message);
  if (!g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    {
      g_autofree char *message = lh_message_for_error (error);

      lh_page_show_message (LH_PAGE (self), message);
    }
}

static void
save_clicked_cb (LhEqualityPage *self,
                 GtkButton      *button)
{
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);

  if (!lh_page_is_online (LH_PAGE (self)) || self->save_cancellable != NULL)
    return;
  for (guint i = 0; i < self->toggles->len; i++)
    {
      GObject *toggle = g_ptr_array_index (self->toggles, i);

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
        g_hash_table_insert (answers, g_object_get_data (toggle, FACTOR_KEY), g_object_get_data (toggle, GROUP_KEY));
    }
  self->save_cancellable = g_cancellable_new ();
  lh_page_update_online (LH_PAGE (self));
  lh_client_set_equality_async (lh_page_get_client (LH_PAGE (self)), answers, self->save_cancellable, saved_cb,
                                self);
}

static void
remove_clicked_cb (LhEqualityPage *self,
                   GtkButton      *button)
{
  if (!lh_page_is_online (LH_PAGE (self)) || self->save_cancellable != NULL)
    return;
  gtk_label_set_label (self->confirm_question_label, _("Remove all your answers?"));
  lh_page_show_confirm (LH_PAGE (self), _("Your answers will be deleted from the centre’s records. You can answer "
                                          "again whenever you like."), TRUE);
}

static void
removed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  LhEqualityPage *self;

  if (!lh_client_remove_equality_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_EQUALITY_PAGE (user_data);
  g_clear_object (&self->save_cancellable);
  lh_page_end_confirm (LH_PAGE (self));
  if (error == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", _("Your answers are removed."));
      lh_equality_page_load (self);
      return;
    }
  g_debug ("Removing equality answers failed: %s", error->message);
  if (!g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    {
      g_autofree char *message = lh_message_for_error (error);

      lh_page_show_confirm_error (LH_PAGE (self), message);
    }
}

static void
confirm_clicked_cb (LhEqualityPage *self,
                    GtkButton      *button)
{
  if (self->save_cancellable != NULL || !lh_page_can_confirm (LH_PAGE (self)))
    return;
  self->save_cancellable = g_cancellable_new ();
  lh_page_begin_confirm (LH_PAGE (self));
  lh_client_remove_equality_async (lh_page_get_client (LH_PAGE (self)), self->save_cancellable, removed_cb, self);
}

static void
confirm_back_clicked_cb (LhEqualityPage *self,
                         GtkButton      *button)
{
  lh_equality_page_go_back (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_equality_page_refresh (LhPage *page)
{
  /* Answers being chosen are not thrown away by a reload. */
  if (lh_page_content_is (page, "list"))
    return;
  lh_page_refresh (page, !lh_page_view_is (page, "list"));
}

static void
lh_equality_page_load_page (LhPage *page)
{
  lh_equality_page_load (LH_EQUALITY_PAGE (page));
}

static void
lh_equality_page_update_online (LhPage   *page,
                                gboolean  online)
{
  LhEqualityPage *self = LH_EQUALITY_PAGE (page);

  lh_page_set_buttons_sensitive (GTK_WIDGET (self->entries_box), online && self->save_cancellable == NULL);
}

static void
lh_equality_page_dispose (GObject *object)
{
  LhEqualityPage *self = LH_EQUALITY_PAGE (object);

  lh_equality_page_reset (self);
  g_clear_pointer (&self->toggles, g_ptr_array_unref);

  G_OBJECT_CLASS (lh_equality_page_parent_class)->dispose (object);
}

static void
lh_equality_page_class_init (LhEqualityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_equality_page_dispose;
  page_class->update_online = lh_equality_page_update_online;
  page_class->load = lh_equality_page_load_page;
  page_class->refresh = lh_equality_page_refresh;

  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-equality-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhEqualityPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, LhEqualityPage, entries_box);
  gtk_widget_class_bind_template_child (widget_class, LhEqualityPage, confirm_question_label);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
}

static void
lh_equality_page_init (LhEqualityPage *self)
{
  self->toggles = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_button_set_label (lh_page_get_confirm_button (LH_PAGE (self)), _("Yes, remove them"));
  /* Taking something away, not going ahead. */
  gtk_widget_remove_css_class (GTK_WIDGET (lh_page_get_confirm_button (LH_PAGE (self))), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (lh_page_get_confirm_button (LH_PAGE (self))), "destructive-action");
}

void
lh_equality_page_reset (LhEqualityPage *self)
{
  g_return_if_fail (LH_IS_EQUALITY_PAGE (self));

  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  /* Nothing of one learner's answers stays on screen for the next. */
  if (self->toggles != NULL)
    g_ptr_array_set_size (self->toggles, 0);
  if (self->summary_box != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->summary_box));
      lh_remove_children (GTK_WIDGET (self->entries_box));
    }
  lh_page_reset (LH_PAGE (self), "list");
}

gboolean
lh_equality_page_go_back (LhEqualityPage *self)
{
  g_return_val_if_fail (LH_IS_EQUALITY_PAGE (self), FALSE);

  if (!lh_page_view_is (LH_PAGE (self), "confirm"))
    return FALSE;
  if (self->save_cancellable != NULL)
    return TRUE;
  lh_page_set_view (LH_PAGE (self), "list");
  return TRUE;
}
