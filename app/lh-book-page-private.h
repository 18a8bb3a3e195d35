/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by lh-book-page.c (the days and their slots, the week) and
 * lh-book-page-confirm.c (confirming a slot, work time or own time,
 * booking it, and the done view). */
#pragma once

#include "lh-book-page.h"

#include "lh-slots.h"
#include "lh-time-choice.h"
#include "lh-week-view.h"

G_BEGIN_DECLS

#define N_DAYS 7

struct _LhBookPage
{
  LhPage          parent_instance;

  GCancellable   *book_cancellable;  /* (owned) (nullable) while booking */
  GDateTime      *days[N_DAYS];      /* (owned) (nullable) midnights, centre's zone */
  guint           day_index;         /* the day shown */
  char           *loaded_date;       /* (owned) (nullable) the date the slots show */
  GPtrArray      *slots;             /* (owned) (nullable) (element-type GPtrArray<LhSlot>) */
  GPtrArray      *room_slots;        /* (owned) (nullable) the same, of the rooms */
  GPtrArray      *own;               /* (owned) (nullable) (element-type LhSlot) the person's */
  LhSlot         *selected;          /* (owned) (nullable) the slot being confirmed */
  GtkWidget      *day_buttons[N_DAYS];  /* (unowned) children of day_strip */
  GtkWidget      *week_button;       /* (unowned) (nullable) the strip's last toggle */
  gboolean        week_mode;         /* the whole week shown instead of a day */

  /* template children (unowned) */
  GtkFlowBox     *day_strip;
  GtkScrolledWindow *slots_scroller;
  GtkStack       *mode_stack;
  LhWeekView     *week_view;
  GtkLabel       *day_title_label;
  GtkFlowBox     *soonest_box;
  GtkWidget      *nothing_free_box;
  GtkLabel       *nothing_free_label;
  GtkWidget      *next_day_button;
  GtkBox         *resources_box;
  GtkLabel       *confirm_duration_label;
  LhTimeChoice   *time_choice;
  GtkLabel       *done_facts_label;
  GtkLabel       *done_time_off_label;
  GtkWidget      *done_qr_box;
  GtkPicture     *done_qr_picture;
};

/* lh-book-page.c */
/* Back from the confirm view to the day (or week), loaded afresh, with
 * message (nullable) above it. */
void lh_book_page_back_to_day      (LhBookPage   *self,
                                    const char   *message);

/* lh-book-page-confirm.c */
/* The confirm view for a free slot (copied); nothing if it is not free,
 * offline or while a booking is on its way. */
void lh_book_page_confirm_slot     (LhBookPage   *self,
                                    const LhSlot *slot);
/* Binds the confirm and done views' children and callbacks. */
void lh_book_page_class_init_confirm (GtkWidgetClass *widget_class);
/* Forgets the confirm and done views. */
void lh_book_page_reset_confirm    (LhBookPage   *self);

G_END_DECLS
