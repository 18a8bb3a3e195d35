/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-home-page"

#include "lh-home-page.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-admin-notices.h"
#include "lh-approval-words.h"
#include "lh-approvals-page.h"
#include "lh-dashboard-page.h"
#include "lh-desk-page.h"
#include "lh-next-meeting-tile.h"
#include "lh-soonest-card.h"
#include "lh-time-format.h"
#include "lh-time-off-page.h"

struct _LhHomePage
{
  AdwBin     parent_instance;

  /* template children (unowned) */
  GtkLabel  *hello_label;
  GtkWidget *book_tile;
  GtkWidget *groups_tile;
  GtkWidget *advice_tile;
  GtkLabel  *advice_note;    /* who a ULR is, under the tile's words */
  GtkWidget *advice_icon;
  GtkWidget *bookings_tile;
  GtkWidget *guests_button;
  GtkWidget *assessments_button;
  GtkWidget *time_off_button;
  GtkWidget *timetable_button;
  GtkWidget *about_you_button;
  GtkWidget *more_box;
  GtkWidget *ulr_box;
  GtkWidget *admin_box;
  GtkWidget *committee_box;
  GtkWidget *approvals_button;
  GtkLabel  *approvals_label;
  GtkWidget *notice_box;
  GtkImage  *notice_icon;
  GtkLabel  *notice_label;
  GtkWidget *admin_notices;  /* below the notice: an admin's faults and checks */
  GtkWidget *next_meeting;   /* below them: a committee member's next meeting */
  GtkWidget *soonest;        /* below the tiles: the soonest free hour, two taps to book */
};

G_DEFINE_FINAL_TYPE (LhHomePage, lh_home_page, ADW_TYPE_BIN)

static void
lh_home_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LH_TYPE_HOME_PAGE);

  G_OBJECT_CLASS (lh_home_page_parent_class)->dispose (object);
}

static void
notice_dismiss_clicked_cb (LhHomePage *self,
                           GtkButton  *button)
{
  lh_home_page_set_notice (self, NULL);
}

/* In large text the ULR tile's words need its picture's room, or the
 * row of tiles grows past the screen: the words say more. */
static void
large_text_cb (LhHomePage *self,
               GParamSpec *pspec,
               GObject    *window)
{
  gboolean large = FALSE;

  g_object_get (window, "large-text", &large, NULL);
  gtk_widget_set_visible (self->advice_icon, !large);
}

static void
root_changed_cb (LhHomePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (root), "large-text") == NULL)
    return;
  g_signal_connect_object (root, "notify::large-text", G_CALLBACK (large_text_cb), self, G_CONNECT_SWAPPED);
  large_text_cb (self, NULL, G_OBJECT (root));
}

static void
lh_home_page_class_init (LhHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_home_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, hello_label);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, book_tile);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, groups_tile);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, advice_tile);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, advice_note);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, advice_icon);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, bookings_tile);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, guests_button);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, assessments_button);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, time_off_button);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, timetable_button);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, about_you_button);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, more_box);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, ulr_box);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, admin_box);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, committee_box);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, approvals_button);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, approvals_label);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, notice_box);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, notice_icon);
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, notice_dismiss_clicked_cb);
}

static void
lh_home_page_init (LhHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A screen reader on the tile hears the line under its words too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->advice_tile), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->advice_note), -1);
  g_signal_connect (self, "notify::root", G_CALLBACK (root_changed_cb), NULL);
  self->admin_notices = lh_admin_notices_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->notice_box)), self->admin_notices,
                              self->notice_box);
  self->next_meeting = lh_next_meeting_tile_new ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->notice_box)), self->next_meeting,
                              self->admin_notices);
  /* After every tile: the tiles are the way in to everything, and stay
   * where a person knows them, on the screen in large text too. */
  self->soonest = lh_soonest_card_new ();
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (self->notice_box)), self->soonest);
  lh_home_page_set_person (self, NULL);
}

void
lh_home_page_set_person (LhHomePage     *self,
                         const LhPerson *person)
{
  g_autofree char *hello = NULL;

  g_return_if_fail (LH_IS_HOME_PAGE (self));

  /* The ways in follow sign-in's `may` (lh-may.c); a tile that can only
   * fail is not shown. Before sign-in the tiles say what the centre has. */
  gtk_widget_set_visible (self->book_tile, person == NULL || lh_may (person, LH_WAY_BOOK_COMPUTERS));
  gtk_widget_set_visible (self->groups_tile, person == NULL || lh_may (person, LH_WAY_GROUPS));
  gtk_widget_set_visible (self->advice_tile, person == NULL || lh_may (person, LH_WAY_ADVICE));
  gtk_widget_set_visible (self->guests_button, lh_may (person, LH_WAY_GUESTS));
  gtk_widget_set_visible (self->assessments_button, lh_may (person, LH_WAY_ASSESSMENTS));
  gtk_widget_set_visible (self->timetable_button, lh_may (person, LH_WAY_TIMETABLE));
  gtk_widget_set_visible (self->time_off_button, lh_time_off_page_is_for (person));
  gtk_widget_set_visible (self->about_you_button, lh_may (person, LH_WAY_ABOUT_YOU));
  gtk_widget_set_visible (self->more_box, gtk_widget_get_visible (self->about_you_button) ||
                                          gtk_widget_get_visible (self->time_off_button) ||
                                          gtk_widget_get_visible (self->guests_button) ||
                                          gtk_widget_get_visible (self->assessments_button) ||
                                          gtk_widget_get_visible (self->timetable_button));
  /* ULRs run drop-ins and log their facility time. */
  gtk_widget_set_visible (self->ulr_box, lh_desk_page_is_for (person));
  /* The employer's contact point approves paid time off; no one else
   * ever sees the way in. */
  gtk_widget_set_visible (self->admin_box, lh_approvals_page_is_for (person));
  /* The committee's figures: the daemon refuses anyone else. */
  gtk_widget_set_visible (self->committee_box, lh_dashboard_page_is_for (person));
  lh_admin_notices_set_person (LH_ADMIN_NOTICES (self->admin_notices), person);
  lh_next_meeting_tile_set_person (LH_NEXT_MEETING_TILE (self->next_meeting), person);
  lh_soonest_card_set_person (LH_SOONEST_CARD (self->soonest), person);
  if (person == NULL)
    lh_home_page_set_approvals (self, -1);
  if (person == NULL || person->name == NULL)
    {
      gtk_label_set_label (self->hello_label, _("Hello"));
      return;
    }
  /* Translators: a greeting with the person's name, e.g. "Hello, Amira Khan" */
  hello = g_strdup_printf (_("Hello, %s"), person->name);
  gtk_label_set_label (self->hello_label, hello);
}

GtkWidget *
lh_home_page_get_admin_notices (LhHomePage *self)
{
  g_return_val_if_fail (LH_IS_HOME_PAGE (self), NULL);

  return self->admin_notices;
}

GtkWidget *
lh_home_page_get_next_meeting (LhHomePage *self)
{
  g_return_val_if_fail (LH_IS_HOME_PAGE (self), NULL);

  return self->next_meeting;
}

GtkWidget *
lh_home_page_get_soonest (LhHomePage *self)
{
  g_return_val_if_fail (LH_IS_HOME_PAGE (self), NULL);

  return self->soonest;
}

void
lh_home_page_set_approvals (LhHomePage *self,
                            int         pending)
{
  g_autofree char *label = NULL;

  g_return_if_fail (LH_IS_HOME_PAGE (self));

  label = lh_approval_format_home_button (pending);
  gtk_label_set_label (self->approvals_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->approvals_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  /* Something waits: the button stands out. */
  if (pending > 0)
    gtk_widget_add_css_class (self->approvals_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->approvals_button, "suggested-action");
}

void
lh_home_page_set_notice (LhHomePage *self,
                         const char *notice)
{
  g_return_if_fail (LH_IS_HOME_PAGE (self));

  gtk_label_set_label (self->notice_label, notice ? notice : "");
  gtk_widget_set_visible (self->notice_box, notice != NULL);
  /* Good news until lh_home_page_add_notice() says otherwise. */
  gtk_image_set_from_icon_name (self->notice_icon, "emblem-ok-symbolic");
  gtk_widget_remove_css_class (self->notice_box, "lh-message");
  gtk_widget_add_css_class (self->notice_box, "lh-good-news");
}

void
lh_home_page_add_notice (LhHomePage *self,
                         const char *notice,
                         gboolean    good_news)
{
  g_autofree char *both = NULL;
  gboolean was_good;

  g_return_if_fail (LH_IS_HOME_PAGE (self));
  g_return_if_fail (notice != NULL);

  was_good = !gtk_widget_get_visible (self->notice_box) || gtk_widget_has_css_class (self->notice_box, "lh-good-news");
  if (gtk_widget_get_visible (self->notice_box))
    both = g_strdup_printf ("%s\n%s", gtk_label_get_label (self->notice_label), notice);
  lh_home_page_set_notice (self, both != NULL ? both : notice);
  /* A "no" among them: no tick, the calm look of a message. */
  if (!(good_news && was_good))
    {
      gtk_image_set_from_icon_name (self->notice_icon, "dialog-information-symbolic");
      gtk_widget_remove_css_class (self->notice_box, "lh-good-news");
      gtk_widget_add_css_class (self->notice_box, "lh-message");
    }
}

char *
lh_home_page_format_promotions (GPtrArray *promotions)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (promotions != NULL, NULL);

  for (guint i = 0; i < promotions->len; i++)
    {
      const LhGroupSession *session = g_ptr_array_index (promotions, i);
      g_autofree char *day = lh_format_day_long (session->start);
      g_autofree char *clock = lh_format_clock (session->start);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: "Good news: a place came free in Maths together on
       * Wednesday 25 November, 13:00. It is yours." */
      g_string_append_printf (text, _("Good news: a place came free in %s on %s, %s. It is yours."),
                              session->title, day, clock);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
