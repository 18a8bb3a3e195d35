/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-assessment-cards"

#include "lh-assessment-cards.h"

#include <glib/gi18n.h>

#include "lh-assessment-words.h"
#include "lh-card-widgets.h"

/* Give it back, asked Yes or No first. */
static GtkWidget *
ask_new (LhAssessmentSlot                *slot,
         GtkWidget                       *ask_stack,
         const LhAssessmentCardCallbacks *callbacks)
{
  GtkWidget *ask = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *yes_no = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *question = gtk_label_new (_("Give it back?"));
  GtkWidget *button;

  gtk_label_set_wrap (GTK_LABEL (question), TRUE);
  gtk_widget_add_css_class (question, "lh-section-title");
  gtk_box_append (GTK_BOX (ask), question);

  button = lh_card_button_new (_("No, keep it"), NULL, NULL);
  g_object_set_data (G_OBJECT (button), LH_ASSESSMENT_ASK_KEY, ask_stack);
  g_signal_connect (button, "clicked", callbacks->keep, callbacks->user_data);
  gtk_box_append (GTK_BOX (yes_no), button);
  button = lh_card_button_new (_("Yes, give it back"), "destructive-action", NULL);
  g_object_set_data (G_OBJECT (button), LH_ASSESSMENT_SLOT_KEY, slot);
  g_signal_connect (button, "clicked", callbacks->yes, callbacks->user_data);
  gtk_box_append (GTK_BOX (yes_no), button);
  gtk_box_set_homogeneous (GTK_BOX (yes_no), TRUE);
  gtk_box_append (GTK_BOX (ask), yes_no);
  gtk_widget_add_css_class (ask, "lh-assess-ask");
  gtk_widget_set_valign (ask, GTK_ALIGN_CENTER);
  return ask;
}

static GtkWidget *
card_new (LhAssessmentSlot                *slot,
          const LhAssessmentCardCallbacks *callbacks)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *info = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *when = lh_assessment_format_when (slot);
  g_autofree char *where = lh_assessment_format_where (slot);
  g_autofree char *state = lh_assessment_format_state (slot);
  g_autofree char *accessible = NULL;
  GtkWidget *when_label = gtk_label_new (when);
  GtkWidget *ask_stack;
  GtkWidget *button;
  const char *state_icon = slot->mine ? "object-select-symbolic"
                         : slot->taken ? "action-unavailable-symbolic" : "appointment-new-symbolic";

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-assess-card");
  if (slot->mine)
    gtk_widget_add_css_class (card, "lh-assess-card-mine");
  else if (slot->taken)
    gtk_widget_add_css_class (card, "lh-assess-card-taken");

  gtk_label_set_wrap (GTK_LABEL (when_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (when_label), 0);
  gtk_widget_add_css_class (when_label, "lh-assess-when");
  gtk_box_append (GTK_BOX (info), when_label);
  gtk_box_append (GTK_BOX (info), lh_card_line_new ("avatar-default-symbolic", where, NULL));
  gtk_box_append (GTK_BOX (info), lh_card_line_new (state_icon, state, "lh-assess-state"));
  gtk_widget_set_hexpand (info, TRUE);
  gtk_box_append (GTK_BOX (card), info);

  /* A taken slot can only be looked at; whose it is, nobody is told. */
  if (slot->taken && !slot->mine)
    return card;

  ask_stack = gtk_stack_new ();
  if (slot->mine)
    {
      accessible = lh_assessment_format_give_back_a11y (slot);
      button = lh_card_button_new (_("Give it back"), NULL, accessible);
      g_object_set_data (G_OBJECT (button), LH_ASSESSMENT_ASK_KEY, ask_stack);
      g_signal_connect (button, "clicked", callbacks->give_back, callbacks->user_data);
    }
  else
    {
      accessible = lh_assessment_format_book_a11y (slot);
      button = lh_card_button_new (_("Book this"), "suggested-action", accessible);
      g_signal_connect (button, "clicked", callbacks->book, callbacks->user_data);
    }
  g_object_set_data (G_OBJECT (button), LH_ASSESSMENT_SLOT_KEY, slot);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_stack_add_named (GTK_STACK (ask_stack), button, "actions");
  if (slot->mine)
    gtk_stack_add_named (GTK_STACK (ask_stack), ask_new (slot, ask_stack, callbacks), "ask");
  gtk_stack_set_visible_child_name (GTK_STACK (ask_stack), "actions");
  /* Only as wide as what shows: the day and time keep their line. */
  gtk_stack_set_hhomogeneous (GTK_STACK (ask_stack), FALSE);
  gtk_widget_set_valign (ask_stack, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (card), ask_stack);
  return card;
}

GtkWidget *
lh_assessment_section_new (LhSubject                        subject,
                           GPtrArray                       *slots,
                           const LhAssessmentCardCallbacks *callbacks)
{
  static const char * const icons[LH_N_SUBJECTS] = {
    "accessories-dictionary-symbolic", "accessories-calculator-symbolic", "preferences-desktop-locale-symbolic",
  };
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (icons[subject]);
  g_autofree char *title = lh_subject_title (subject);
  g_autofree char *about = lh_subject_about (subject);
  GtkWidget *title_label = gtk_label_new (title);
  const LhAssessmentSlot *mine = NULL;
  guint shown = 0;

  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (heading), image);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title_label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (heading), title_label);
  gtk_widget_add_css_class (heading, "lh-assess-subject");
  gtk_box_append (GTK_BOX (section), heading);
  gtk_box_append (GTK_BOX (section), lh_card_line_new (NULL, about, "lh-assess-about"));

  for (guint i = 0; i < slots->len; i++)
    {
      const LhAssessmentSlot *slot = g_ptr_array_index (slots, i);

      if (slot->subject == subject && slot->mine)
        mine = slot;
    }
  if (mine != NULL)
    {
      g_autofree char *have_one = lh_assessment_format_have_one (mine);

      gtk_box_append (GTK_BOX (section), lh_card_line_new ("object-select-symbolic", have_one, "lh-assess-have-one"));
    }
  for (guint i = 0; i < slots->len; i++)
    {
      LhAssessmentSlot *slot = g_ptr_array_index (slots, i);

      if (slot->subject != subject)
        continue;
      gtk_box_append (GTK_BOX (section), card_new (slot, callbacks));
      shown++;
    }
  if (shown == 0)
    gtk_box_append (GTK_BOX (section),
                    lh_card_line_new (NULL, _("None in the next 2 weeks. A learning rep can tell you about later dates."),
                                      "lh-assess-none"));
  return section;
}

gboolean
lh_assessment_cards_asking (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_STACK (child) &&
          g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child)), "ask") == 0)
        return TRUE;
      if (!GTK_IS_STACK (child) && lh_assessment_cards_asking (child))
        return TRUE;
    }
  return FALSE;
}
