/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-record-sections"

#include "lh-record-sections.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lh-advice-words.h"
#include "lh-card-widgets.h"
#include "lh-time-format.h"

/* A part of the page: its heading after an icon, then a box for its
 * items (returned). */
static GtkWidget *
section_new (GtkBox     *page,
             const char *icon_name,
             const char *title)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *title_label = lh_card_label_new (title, "lh-record-heading");
  GtkWidget *items = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (heading), image);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title_label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (heading), title_label);
  gtk_box_append (GTK_BOX (section), heading);
  gtk_box_append (GTK_BOX (section), items);
  gtk_widget_add_css_class (section, "lh-record-section");
  gtk_box_append (page, section);
  return items;
}

static GtkWidget *
card_new (GtkWidget *items)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-record-card");
  gtk_box_append (GTK_BOX (items), card);
  return card;
}

static void
add_none (GtkWidget  *items,
          const char *text)
{
  gtk_box_append (GTK_BOX (items), lh_card_label_new (text, "lh-record-none"));
}

/* ---- now -------------------------------------------------------------- */

static void
fill_open (GtkWidget      *items,
           LhAdviceRecord *record)
{
  for (guint i = 0; i < record->open_requests->len; i++)
    {
      LhAdviceRequest *request = g_ptr_array_index (record->open_requests, i);
      GtkWidget *card = card_new (items);
      g_autofree char *title = NULL;
      g_autofree char *line = NULL;
      g_autofree char *topic = lh_topic_title (request->topic);

      if (request->appointment)
        {
          g_autofree char *when = request->start && request->end
                                  ? lh_advice_format_when (request->start, request->end) : g_strdup ("");

          title = g_strdup (_("A time with a ULR, booked"));
          line = request->ulr ? g_strdup_printf ("%s\n%s", when, request->ulr) : g_steal_pointer (&when);
        }
      else if (g_strcmp0 (request->status, "called") == 0)
        {
          title = g_strdup_printf (_("Ticket %d"), request->ticket);
          line = lh_advice_format_called (request->ticket, request->desk);
        }
      else
        {
          g_autofree char *position = lh_advice_format_position (request->position);
          g_autofree char *wait = lh_advice_format_wait (request->wait_minutes);

          title = g_strdup_printf (_("Ticket %d"), request->ticket);
          line = g_strdup_printf ("%s\n%s", position, wait);
        }
      gtk_box_append (GTK_BOX (card), lh_card_label_new (title, "lh-record-title"));
      gtk_box_append (GTK_BOX (card), lh_card_label_new (line, "lh-record-strong"));
      gtk_box_append (GTK_BOX (card), lh_card_line_new (lh_topic_icon (request->topic), topic, NULL));
    }
}

/* ---- the learning plan ------------------------------------------------ */

GtkWidget *
lh_record_plan_info_new (const LhPlanItem *item,
                         gboolean          step)
{
  GtkWidget *info = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  g_return_val_if_fail (item != NULL, NULL);

  gtk_box_append (GTK_BOX (info), lh_card_label_new (item->text, step ? "lh-record-step" : "lh-record-title"));
  if (item->due != NULL)
    {
      g_autofree char *date = lh_advice_format_date (item->due);
      /* Translators: when a goal or step of the learning plan is due: "By 30 June 2027" */
      g_autofree char *due = g_strdup_printf (_("By %s"), date);

      gtk_box_append (GTK_BOX (info), lh_card_line_new ("x-office-calendar-symbolic", due, NULL));
    }
  gtk_widget_set_hexpand (info, TRUE);
  return info;
}

static GtkWidget *
plan_item_new (LhPlanItem              *item,
               gboolean                 step,
               const LhRecordCallbacks *callbacks)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  g_autofree char *a11y = NULL;

  gtk_box_append (GTK_BOX (row), lh_record_plan_info_new (item, step));

  /* Done or not in words and an icon, not by colour alone. */
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content),
                                    item->done ? "checkbox-checked-symbolic" : "checkbox-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), item->done ? _("Done") : _("Tick when done"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "lh-row-button");
  gtk_widget_add_css_class (button, "lh-record-done");
  if (item->done)
    gtk_widget_add_css_class (button, "lh-record-done-yes");
  a11y = item->done ? g_strdup_printf (_("Done: %s. Press to mark it not done."), item->text)
                    : g_strdup_printf (_("Mark as done: %s"), item->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), LH_RECORD_ITEM_KEY, item);
  g_signal_connect (button, "clicked", callbacks->toggle_done, callbacks->user_data);
  gtk_box_append (GTK_BOX (row), button);
  if (step)
    gtk_widget_add_css_class (row, "lh-record-step-row");
  return row;
}

static void
fill_plan (GtkWidget               *items,
           LhAdviceRecord          *record,
           const LhRecordCallbacks *callbacks)
{
  for (guint i = 0; i < record->plan->len; i++)
    {
      LhPlanItem *goal = g_ptr_array_index (record->plan, i);
      GtkWidget *card;

      if (goal->goal_id != 0)
        continue;
      card = card_new (items);
      gtk_box_append (GTK_BOX (card), plan_item_new (goal, FALSE, callbacks));
      for (guint j = 0; j < record->plan->len; j++)
        {
          LhPlanItem *step = g_ptr_array_index (record->plan, j);

          if (step->goal_id == goal->id)
            gtk_box_append (GTK_BOX (card), plan_item_new (step, TRUE, callbacks));
        }
    }
  if (record->plan->len == 0)
    add_none (items, _("No learning plan yet. A ULR can make one with you."));
}

/* ---- notes, check-ups, past requests ---------------------------------- */

static void
fill_notes (GtkWidget      *items,
            LhAdviceRecord *record)
{
  for (guint i = 0; i < record->notes->len; i++)
    {
      LhAdviceNote *note = g_ptr_array_index (record->notes, i);
      GtkWidget *card = card_new (items);
      g_autofree char *day = lh_format_day_long (note->created_at);
      /* Translators: who wrote a note, and when: "Dev Patel, Tuesday 24 November" */
      g_autofree char *by = g_strdup_printf (_("%s, %s"), note->author, day);

      gtk_box_append (GTK_BOX (card), lh_card_label_new (by, "lh-record-title"));
      gtk_box_append (GTK_BOX (card), lh_card_label_new (note->text, NULL));
    }
  if (record->notes->len == 0)
    add_none (items, _("No notes yet."));
}

static void
fill_mots (GtkWidget      *items,
           LhAdviceRecord *record)
{
  for (guint i = 0; i < record->mots->len; i++)
    {
      LhMot *mot = g_ptr_array_index (record->mots, i);
      GtkWidget *card = card_new (items);
      g_autofree char *day = lh_format_day_long (mot->held_at);
      g_autofree char *year = g_date_time_format (mot->held_at, "%Y");
      /* Translators: a learning check-up: "Tuesday 24 November 2026, with Dev Patel" */
      g_autofree char *title = g_strdup_printf (_("%s %s, with %s"), day, year, mot->ulr);

      gtk_box_append (GTK_BOX (card), lh_card_label_new (title, "lh-record-title"));
      gtk_box_append (GTK_BOX (card), lh_card_label_new (mot->summary, NULL));
      if (mot->next_due != NULL)
        {
          g_autofree char *date = lh_advice_format_date (mot->next_due);
          g_autofree char *next = g_strdup_printf (_("Next check-up due: %s"), date);

          gtk_box_append (GTK_BOX (card), lh_card_line_new ("x-office-calendar-symbolic", next, "lh-record-strong"));
        }
    }
  if (record->mots->len == 0)
    add_none (items, _("No learning check-ups yet."));
}

static void
fill_past (GtkWidget      *items,
           LhAdviceRecord *record)
{
  guint shown = 0;

  for (guint i = 0; i < record->requests->len; i++)
    {
      LhAdviceRequest *request = g_ptr_array_index (record->requests, i);
      g_autofree char *topic = NULL;
      g_autofree char *status = NULL;
      GtkWidget *card;

      if (lh_advice_request_is_open (request))
        continue;  /* shown under "Now" */
      card = card_new (items);
      topic = lh_topic_title (request->topic);
      status = lh_advice_format_status (request);
      gtk_box_append (GTK_BOX (card), lh_card_line_new (lh_topic_icon (request->topic), topic, "lh-record-title"));
      gtk_box_append (GTK_BOX (card), lh_card_label_new (status, "lh-record-strong"));
      for (guint j = 0; request->outcomes[j] != NULL; j++)
        {
          g_autofree char *outcome = lh_advice_format_outcome (request->outcomes[j]);

          gtk_box_append (GTK_BOX (card), lh_card_line_new ("object-select-symbolic", outcome, NULL));
        }
      shown++;
    }
  if (shown == 0)
    add_none (items, _("Nothing yet."));
}

/* ---- who can see it --------------------------------------------------- */

static void
fill_supporters (GtkWidget               *items,
                 LhAdviceRecord          *record,
                 const LhRecordCallbacks *callbacks)
{
  gtk_box_append (GTK_BOX (items), lh_card_label_new (_("Only you and these ULRs can read your record. "
                                                "Nobody else can, not even the centre's managers."), NULL));
  for (guint i = 0; i < record->supporters->len; i++)
    {
      LhUlr *ulr = g_ptr_array_index (record->supporters, i);
      GtkWidget *card = card_new (items);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
      GtkWidget *info = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      gtk_box_append (GTK_BOX (info), lh_card_label_new (ulr->name, "lh-record-title"));
      gtk_box_append (GTK_BOX (info), lh_card_label_new (ulr->shared ? _("You shared your record with them")
                                                             : _("Your ULR: they talked with you"), NULL));
      gtk_widget_set_hexpand (info, TRUE);
      gtk_box_append (GTK_BOX (row), info);
      /* The learner decides who reads it: any of them can be taken off,
       * a ULR who talked with them as well as one they shared it with. */
      {
        /* Read out as shown, then whom it is about. */
        g_autofree char *a11y = ulr->shared
                                /* Translators: a button "Stop sharing", read out with whom; %s is a ULR */
                                ? g_strdup_printf (_("Stop sharing your record with %s"), ulr->name)
                                /* Translators: a button "Remove", read out with whom; %s is a ULR */
                                : g_strdup_printf (_("Remove %s from your record"), ulr->name);
        GtkWidget *button = lh_card_button_new (ulr->shared ? _("Stop sharing") : _("Remove"), NULL, a11y);

        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        g_object_set_data (G_OBJECT (button), LH_RECORD_ULR_KEY, ulr);
        g_signal_connect (button, "clicked", callbacks->stop_sharing, callbacks->user_data);
        gtk_box_append (GTK_BOX (row), button);
      }
      gtk_box_append (GTK_BOX (card), row);
    }
}

void
lh_record_sections_fill (GtkBox                  *box,
                         LhAdviceRecord          *record,
                         GDateTime               *now,
                         const LhRecordCallbacks *callbacks)
{
  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (record != NULL && callbacks != NULL);

  if (record->open_requests->len > 0)
    fill_open (section_new (box, "user-available-symbolic", _("Now")), record);
  fill_plan (section_new (box, "view-list-bullet-symbolic", _("Your learning plan")), record, callbacks);
  fill_notes (section_new (box, "document-edit-symbolic", _("Notes from your ULR")), record);
  fill_mots (section_new (box, "x-office-address-book-symbolic", _("Learning check-ups (learning MOT)")), record);
  fill_past (section_new (box, "document-open-recent-symbolic", _("What you asked about before")), record);
  fill_supporters (section_new (box, "security-high-symbolic", _("Who can see your record")), record, callbacks);
}
