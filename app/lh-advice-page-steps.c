/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The questions of Talk to a ULR: how (a drop-in, chosen when more than
 * one is on, or a booked time), which time, what about, how to be
 * reached, the optional note, and the facts on the confirm view. */
#define G_LOG_DOMAIN "lh-advice-page"

#include "lh-advice-page-private.h"

#include <glib/gi18n.h>

#include "lh-advice-choices.h"
#include "lh-advice-words.h"
#include "lh-slot-widgets.h"

/* ---- how: the drop-in and the free times ------------------------------ */

void
lh_advice_page_show_how (LhAdvicePage *self)
{
  g_autoptr(GPtrArray) joinable = lh_advice_page_joinable_dropins (self);
  LhDropin *dropin = joinable->len > 0 ? g_ptr_array_index (joinable, 0) : NULL;
  g_autoptr(GDateTime) now = lh_advice_page_now (self);
  guint n_free = self->slots ? self->slots->len : 0;
  g_autofree char *facts = NULL;

  /* The list to choose from stays as the daemon has it, also for a
   * learner who is looking at it. */
  lh_dropin_chooser_set_dropins (self->dropin_chooser, joinable, now);
  if (joinable->len > 1)
    facts = g_strdup_printf (ngettext ("%u drop-in is on now: you choose which next",
                                       "%u drop-ins are on now: you choose which next", joinable->len),
                             joinable->len);
  else if (dropin != NULL)
    {
      g_autofree char *when = lh_advice_format_dropin (dropin, now);
      g_autofree char *waiting = lh_advice_format_waiting (dropin->waiting);

      /* "Drop-in queue" explained where it is offered (docs/words.md). */
      facts = g_strdup_printf ("%s\n%s\n%s", _("No booking: you wait your turn."), when, waiting);
    }
  else
    facts = g_strdup (_("There is no drop-in today. You can book a time instead."));
  gtk_label_set_label (self->queue_facts_label, facts);
  /* Without a drop-in, the tile stays in view with its reason. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->queue_button), dropin != NULL);

  g_free (facts);
  if (n_free > 0)
    facts = g_strdup_printf (ngettext ("%u free time in the next 2 weeks",
                                       "%u free times in the next 2 weeks", n_free), n_free);
  else
    facts = g_strdup (_("No free times in the next 2 weeks"));
  gtk_label_set_label (self->book_facts_label, facts);
}

static void
slot_clicked_cb (GtkButton    *button,
                 LhAdvicePage *self)
{
  LhAdviceSlot *slot = g_object_get_data (G_OBJECT (button), LH_ADVICE_SLOT_KEY);

  if (slot == NULL || lh_advice_page_is_busy (self))
    return;
  g_clear_pointer (&self->slot, lh_advice_slot_free);
  self->slot = lh_advice_slot_copy (slot);
  lh_advice_page_show_step (self, "contact");
}

void
lh_advice_page_show_slots (LhAdvicePage *self,
            GPtrArray    *slots)
{
  g_autoptr(GDateTime) now = lh_advice_page_now (self);
  g_autoptr(GPtrArray) free_slots = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_advice_slot_free);

  /* The buttons point into the old list: drop them first. */
  lh_remove_children (GTK_WIDGET (self->slots_box));
  for (guint i = 0; i < slots->len; i++)
    {
      LhAdviceSlot *slot = g_ptr_array_index (slots, i);

      /* Taken ones are nobody's business; begun ones cannot be booked. */
      if (!slot->taken && g_date_time_compare (slot->start, now) > 0)
        g_ptr_array_add (free_slots, lh_advice_slot_copy (slot));
    }
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  self->slots = g_steal_pointer (&free_slots);
  for (guint i = 0; i < self->slots->len; i++)
    {
      GtkWidget *button = lh_advice_slot_button_new (g_ptr_array_index (self->slots, i), now);

      g_signal_connect (button, "clicked", G_CALLBACK (slot_clicked_cb), self);
      lh_flow_box_append (self->slots_box, button);
    }
  gtk_widget_set_visible (self->slots_empty_label, self->slots->len == 0);
}

void
lh_advice_page_queue_clicked_cb (LhAdvicePage *self,
                  GtkButton    *button)
{
  g_autoptr(GPtrArray) joinable = lh_advice_page_joinable_dropins (self);

  if (joinable->len == 0 || lh_advice_page_is_busy (self))
    return;
  self->appointment = FALSE;
  g_clear_pointer (&self->slot, lh_advice_slot_free);
  /* Nobody is put in a queue they did not choose. */
  self->dropin_from_list = joinable->len > 1;
  if (self->dropin_from_list)
    {
      lh_advice_page_show_step (self, "dropins");
      return;
    }
  self->dropin_id = ((LhDropin *) g_ptr_array_index (joinable, 0))->id;
  lh_advice_page_show_step (self, "contact");
}

void
lh_advice_page_dropin_chosen_cb (LhAdvicePage    *self,
                                 gint64           dropin_id,
                                 LhDropinChooser *chooser)
{
  if (lh_advice_page_find_dropin (self, dropin_id) == NULL || lh_advice_page_is_busy (self))
    return;
  self->appointment = FALSE;
  self->dropin_id = dropin_id;
  lh_advice_page_show_step (self, "contact");
}

void
lh_advice_page_book_clicked_cb (LhAdvicePage *self,
                 GtkButton    *button)
{
  if (lh_advice_page_is_busy (self))
    return;
  self->appointment = TRUE;
  lh_advice_page_show_step (self, "slots");
}

/* ---- topic, contact, note --------------------------------------------- */

void
lh_advice_page_topic_clicked_cb (GtkButton    *button,
                  LhAdvicePage *self)
{
  int topic = lh_advice_choice_get (GTK_WIDGET (button));

  if (topic < 0 || lh_advice_page_is_busy (self))
    return;
  self->topic = (LhTopic) topic;
  lh_advice_page_show_how (self);
  lh_advice_page_show_step (self, "how");
}

void
lh_advice_page_contact_clicked_cb (GtkButton    *button,
                    LhAdvicePage *self)
{
  int contact = lh_advice_choice_get (GTK_WIDGET (button));

  if (contact < 0 || lh_advice_page_is_busy (self))
    return;
  if (contact == LH_CONTACT_PHONE || contact == LH_CONTACT_EMAIL)
    {
      gboolean phone = contact == LH_CONTACT_PHONE;

      /* A number is no address: what was typed for the other goes. */
      if (self->contact != (LhContact) contact)
        gtk_editable_set_text (GTK_EDITABLE (self->contact_detail_entry), "");
      self->contact = (LhContact) contact;
      gtk_label_set_label (self->contact_detail_label, phone ? _("Your phone number") : _("Your email address"));
      gtk_entry_set_input_purpose (self->contact_detail_entry,
                                   phone ? GTK_INPUT_PURPOSE_PHONE : GTK_INPUT_PURPOSE_EMAIL);
      gtk_widget_set_visible (self->contact_detail_box, TRUE);
      /* The on-screen keyboard comes up with the focus. */
      gtk_entry_grab_focus_without_selecting (self->contact_detail_entry);
      return;
    }
  self->contact = (LhContact) contact;
  lh_advice_page_clear_contact_detail (self);
  lh_advice_page_show_step (self, "note");
}

void
lh_advice_page_contact_detail_next_clicked_cb (LhAdvicePage *self,
                                               GtkWidget    *widget)
{
  if (lh_advice_page_is_busy (self) || lh_advice_page_get_contact_detail (self) == NULL)
    return;
  lh_advice_page_show_step (self, "note");
}

const char *
lh_advice_page_get_contact_detail (LhAdvicePage *self)
{
  if (self->contact != LH_CONTACT_PHONE && self->contact != LH_CONTACT_EMAIL)
    return NULL;
  return gtk_editable_get_text (GTK_EDITABLE (self->contact_detail_entry));
}

void
lh_advice_page_clear_contact_detail (LhAdvicePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->contact_detail_entry), "");
  gtk_widget_set_visible (self->contact_detail_box, FALSE);
}

char *
lh_advice_page_get_note (LhAdvicePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* How long a note may be, as the daemon said at sign-in; 0 if it did
 * not (the daemon's refusal then says it). */
static int
note_max_chars (LhAdvicePage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  LhPerson *person = client != NULL ? lh_client_get_person (client) : NULL;

  return person != NULL ? person->limits.advice_note_max_chars : 0;
}

/* Whether the note is over the daemon's limit. */
static gboolean
note_too_long (LhAdvicePage *self)
{
  int max = note_max_chars (self);

  return max > 0 && gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->note_view)) > max;
}

void
lh_advice_page_note_changed_cb (LhAdvicePage  *self,
                 GtkTextBuffer *buffer)
{
  int count = gtk_text_buffer_get_char_count (buffer);
  int max = note_max_chars (self);
  g_autofree char *text = NULL;

  if (max > 0 && count > max)
    text = g_strdup_printf (_("This is %d characters too long. Please make it shorter."), count - max);
  /* The count shows only near the end: a short note needs no number. */
  else if (max > 0 && count > max - MIN (200, max / 10))
    text = g_strdup_printf (ngettext ("%d character left", "%d characters left", max - count), max - count);
  gtk_label_set_label (self->note_count_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_count_label), text != NULL);
  gtk_widget_set_sensitive (self->note_next_button, max <= 0 || count <= max);
}

void
lh_advice_page_show_confirm (LhAdvicePage *self)
{
  g_autoptr(GDateTime) now = lh_advice_page_now (self);
  g_autofree char *topic = lh_topic_title (self->topic);
  g_autofree char *title = lh_contact_title (self->contact);
  const char *detail = lh_advice_page_get_contact_detail (self);
  g_autofree char *contact = NULL;
  g_autofree char *how = NULL;
  g_autofree char *facts = NULL;
  LhDropin *dropin = lh_advice_page_find_dropin (self, self->dropin_id);

  if (self->appointment && self->slot != NULL)
    {
      g_autofree char *when = lh_advice_format_when (self->slot->start, self->slot->end);
      g_autofree char *with = lh_advice_format_with (self->slot->ulr, self->slot->place);

      gtk_label_set_label (self->confirm_question_label, _("Book this time with a ULR?"));
      how = g_strdup_printf ("%s\n%s", when, with);
    }
  else
    {
      gtk_label_set_label (self->confirm_question_label, _("Join the drop-in queue?"));
      how = dropin ? lh_advice_format_dropin (dropin, now) : g_strdup (_("Today's drop-in"));
    }
  /* Translators: how to be reached and the number or address typed,
   * "By phone, 07700 900123" */
  contact = detail != NULL ? g_strdup_printf (_("%s, %s"), title, detail) : g_strdup (title);
  /* Translators: the confirm view's facts: how and when, then
   * "About: Careers advice", then "We reach you: By phone" */
  facts = g_strdup_printf (_("%s\nAbout: %s\nWe reach you: %s"), how, topic, contact);
  lh_page_show_confirm (LH_PAGE (self), facts, FALSE);
}

void
lh_advice_page_skip_clicked_cb (LhAdvicePage *self,
                 GtkButton    *button)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  lh_advice_page_show_confirm (self);
}

void
lh_advice_page_note_next_clicked_cb (LhAdvicePage *self,
                      GtkButton    *button)
{
  if (note_too_long (self))
    return;
  lh_advice_page_show_confirm (self);
}
