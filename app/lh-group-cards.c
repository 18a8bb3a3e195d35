/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-group-cards"

#include "lh-group-cards.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-time-format.h"

/* ---- words ------------------------------------------------------------ */

char *
lh_format_group_session (const LhGroupSession *session)
{
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (session != NULL, NULL);

  day = lh_format_day_long (session->start);
  from = lh_format_clock (session->start);
  to = lh_format_clock (session->end);
  /* Translators: "Maths together on Wednesday 25 November, 13:00 to 15:00" */
  return g_strdup_printf (_("%s on %s, %s to %s"), session->title, day, from, to);
}

char *
lh_group_format_fullness (const LhGroupSession *session)
{
  int left;

  g_return_val_if_fail (session != NULL, NULL);

  left = session->capacity - session->places_taken;
  if (left > 0)
    return g_strdup_printf (ngettext ("%d place left", "%d places left", left), left);
  if (session->waiting == 0)
    return g_strdup (_("Full"));
  /* Translators: how many people wait for a place in a full group */
  return g_strdup_printf (ngettext ("Full — %d waiting", "Full — %d waiting", session->waiting),
                          session->waiting);
}

/* "You have a place", "You are number 2 on the waiting list", or NULL. */
static char *
format_my_place (const LhGroupSession *session)
{
  if (g_strcmp0 (session->my_place, "booked") == 0)
    return g_strdup (_("You have a place"));
  if (g_strcmp0 (session->my_place, "waiting") == 0)
    return g_strdup_printf (_("You are number %d on the waiting list"), session->my_position);
  return NULL;
}

/* ---- a card ----------------------------------------------------------- */

GtkWidget *
lh_group_card_new (LhGroupSession             *session,
                   const LhGroupCardCallbacks *callbacks)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *info = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (session->title);
  GtkWidget *ask_stack = gtk_stack_new ();
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *button;
  g_autofree char *day = lh_format_day_long (session->start);
  g_autofree char *from = lh_format_clock (session->start);
  g_autofree char *to = lh_format_clock (session->end);
  g_autofree char *when = NULL;
  g_autofree char *fullness = lh_group_format_fullness (session);
  g_autofree char *mine = format_my_place (session);
  g_autofree char *what = lh_format_group_session (session);
  g_autofree char *accessible = NULL;
  gboolean waiting = g_strcmp0 (session->my_place, "waiting") == 0;
  gboolean full = lh_group_session_is_full (session);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-group-card");
  if (mine != NULL)
    gtk_widget_add_css_class (card, "lh-group-card-mine");

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "lh-group-title");
  gtk_box_append (GTK_BOX (info), title);
  if (session->topic != NULL)
    gtk_box_append (GTK_BOX (info), lh_card_line_new (NULL, session->topic, "lh-group-topic"));
  /* Translators: "Wednesday 25 November, 13:00 to 15:00" */
  when = g_strdup_printf (_("%s, %s to %s"), day, from, to);
  gtk_box_append (GTK_BOX (info), lh_card_line_new ("x-office-calendar-symbolic", when, NULL));
  gtk_box_append (GTK_BOX (info), lh_card_line_new ("mark-location-symbolic", session->room, NULL));
  gtk_box_append (GTK_BOX (info), lh_card_line_new ("system-users-symbolic", fullness, "lh-group-fullness"));
  if (mine != NULL)
    gtk_box_append (GTK_BOX (info), lh_card_line_new (waiting ? "alarm-symbolic" : "object-select-symbolic",
                                                      mine, "lh-group-mine"));
  gtk_widget_set_hexpand (info, TRUE);
  gtk_box_append (GTK_BOX (card), info);

  /* What the person can do: join, or give up (asked Yes or No first). */
  if (mine == NULL)
    {
      /* Translators: what a screen reader says, "Take a place: Maths together on …" */
      accessible = g_strdup_printf (full ? _("Join the waiting list: %s") : _("Take a place: %s"), what);
      button = lh_card_button_new (full ? _("Join the waiting list") : _("Take a place"),
                                   full ? NULL : "suggested-action", accessible);
      g_signal_connect (button, "clicked", callbacks->take, callbacks->user_data);
    }
  else
    {
      /* Translators: what a screen reader says, "Give up my place: Maths together on …" */
      accessible = g_strdup_printf (waiting ? _("Leave the waiting list: %s") : _("Give up my place: %s"), what);
      button = lh_card_button_new (waiting ? _("Leave the waiting list") : _("Give up my place"), NULL, accessible);
      g_signal_connect (button, "clicked", callbacks->give_up, callbacks->user_data);
    }
  g_object_set_data (G_OBJECT (button), LH_GROUP_SESSION_KEY, session);
  g_object_set_data (G_OBJECT (button), LH_GROUP_ASK_KEY, ask_stack);
  gtk_box_append (GTK_BOX (actions), button);
  gtk_widget_set_valign (actions, GTK_ALIGN_CENTER);
  gtk_stack_add_named (GTK_STACK (ask_stack), actions, "actions");

  if (mine != NULL)
    {
      GtkWidget *ask = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *yes_no = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *question;

      question = gtk_label_new (waiting ? _("Leave the waiting list?") : _("Give up your place?"));
      gtk_label_set_wrap (GTK_LABEL (question), TRUE);
      gtk_widget_add_css_class (question, "lh-section-title");
      gtk_box_append (GTK_BOX (ask), question);

      button = lh_card_button_new (_("No"), NULL, NULL);
      g_object_set_data (G_OBJECT (button), LH_GROUP_ASK_KEY, ask_stack);
      g_signal_connect (button, "clicked", callbacks->keep, callbacks->user_data);
      gtk_box_append (GTK_BOX (yes_no), button);
      button = lh_card_button_new (_("Yes"), "destructive-action", NULL);
      g_object_set_data (G_OBJECT (button), LH_GROUP_SESSION_KEY, session);
      g_signal_connect (button, "clicked", callbacks->yes, callbacks->user_data);
      gtk_box_append (GTK_BOX (yes_no), button);
      gtk_box_set_homogeneous (GTK_BOX (yes_no), TRUE);
      gtk_widget_add_css_class (ask, "lh-group-ask");
      gtk_box_append (GTK_BOX (ask), yes_no);
      gtk_widget_set_valign (ask, GTK_ALIGN_CENTER);
      gtk_stack_add_named (GTK_STACK (ask_stack), ask, "ask");
    }

  gtk_stack_set_visible_child_name (GTK_STACK (ask_stack), "actions");
  gtk_stack_set_hhomogeneous (GTK_STACK (ask_stack), TRUE);
  gtk_widget_set_valign (ask_stack, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (card), ask_stack);
  return card;
}

gboolean
lh_group_cards_asking (GtkWidget *parent)
{
  g_return_val_if_fail (GTK_IS_WIDGET (parent), FALSE);

  for (GtkWidget *card = gtk_widget_get_first_child (parent);
       card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      GtkWidget *stack = gtk_widget_get_last_child (card);

      if (GTK_IS_STACK (stack) &&
          g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "ask") == 0)
        return TRUE;
    }
  return FALSE;
}
