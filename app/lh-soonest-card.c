/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-soonest-card"

#include "lh-soonest-card.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-time-format.h"

/* How far ahead it looks at most: the book page's strip of days (a
 * page's size, not a rule); never past the daemon's horizon. */
#define STRIP_DAYS 7

struct _LhSoonestCard
{
  GtkBox        parent_instance;

  LhClient     *client;       /* (owned) (nullable) */
  GCancellable *cancellable;  /* (owned) (nullable) the look under way */
  LhSlot       *slot;         /* (owned) (nullable) the hour offered */
  gboolean      for_person;   /* someone who books computers is signed in */
  gboolean      not_here;     /* on a PC's own kiosk: the person sits at one */
  int           day;          /* the day being looked at, from today */
  GtkLabel     *when;
  GtkWidget    *paid_button;
  GtkWidget    *own_button;
};

G_DEFINE_FINAL_TYPE (LhSoonestCard, lh_soonest_card, GTK_TYPE_BOX)

enum {
  SIGNAL_BOOK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void look_at_day (LhSoonestCard *self);

static const LhPerson *
person_of (LhSoonestCard *self)
{
  return self->client != NULL ? lh_client_get_person (self->client) : NULL;
}

static void
offer (LhSoonestCard *self,
       LhSlot        *slot)
{
  g_autofree char *facts = NULL;

  g_clear_pointer (&self->slot, lh_slot_free);
  self->slot = slot;
  gtk_widget_set_visible (GTK_WIDGET (self), slot != NULL && self->for_person);
  if (slot == NULL)
    return;
  facts = lh_format_slot_long (slot->resource_name, slot->start, slot->end);
  gtk_label_set_label (self->when, facts);
  /* Paid time only for those the daemon says may ask for it. */
  gtk_widget_set_visible (self->paid_button, lh_may (person_of (self), LH_WAY_PAID_TIME));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paid_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  facts, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->own_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  facts, -1);
}

static void
availability_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LhSoonestCard *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAvailability) availability = lh_client_get_availability_finish (LH_CLIENT (source), result, &error);
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(GPtrArray) soonest = NULL;
  const LhPerson *person;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_SOONEST_CARD (user_data);
  g_clear_object (&self->cancellable);
  if (availability == NULL)
    {
      g_debug ("No soonest hour: %s", error->message);
      offer (self, NULL);
      return;
    }
  person = person_of (self);
  own = lh_slots_own (availability);
  slots = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < availability->resources->len; i++)
    {
      LhResourceDay *resource = g_ptr_array_index (availability->resources, i);

      /* Computers only, as on the book page's soonest free. */
      if (g_strcmp0 (resource->kind, "pc") == 0)
        g_ptr_array_add (slots, lh_slots_for_resource (resource, availability->now,
                                                       person != NULL ? person->limits.slot_minutes : 0,
                                                       availability->max_minutes, own));
    }
  soonest = lh_slots_soonest_free (slots, 1);
  if (soonest->len > 0)
    {
      offer (self, lh_slot_copy (g_ptr_array_index (soonest, 0)));
      return;
    }
  if (++self->day < STRIP_DAYS && (person == NULL || person->limits.horizon_days <= 0 ||
                                   self->day <= person->limits.horizon_days))
    look_at_day (self);
  else
    offer (self, NULL);
}

static void
look_at_day (LhSoonestCard *self)
{
  g_autoptr(GDateTime) now = lh_client_now (self->client);
  g_autoptr(GDateTime) day = lh_day_start (now, self->day);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  self->cancellable = g_cancellable_new ();
  lh_client_get_availability_async (self->client, date, self->cancellable, availability_cb, self);
}

static void
look (LhSoonestCard *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client == NULL || !self->for_person)
    {
      offer (self, NULL);
      return;
    }
  self->day = 0;
  look_at_day (self);
}

static void
book_clicked_cb (GtkButton     *button,
                 LhSoonestCard *self)
{
  if (self->slot == NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_BOOK], 0, self->slot, GTK_WIDGET (button) == self->paid_button);
}

/* Shown again (back home after booking, say): what is free has changed. */
static void
map_cb (LhSoonestCard *self)
{
  if (self->cancellable == NULL)
    look (self);
}

static GtkWidget *
book_button_new (LhSoonestCard *self,
                 const char    *words)
{
  GtkWidget *button = gtk_button_new_with_label (words);

  gtk_widget_add_css_class (button, "lh-primary");
  gtk_widget_add_css_class (button, "lh-soonest-book");
  g_signal_connect (button, "clicked", G_CALLBACK (book_clicked_cb), self);
  return button;
}

static void
lh_soonest_card_dispose (GObject *object)
{
  LhSoonestCard *self = LH_SOONEST_CARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->slot, lh_slot_free);

  G_OBJECT_CLASS (lh_soonest_card_parent_class)->dispose (object);
}

static void
lh_soonest_card_class_init (LhSoonestCardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_soonest_card_dispose;

  /* Book this hour (an LhSlot, unowned), in paid work time or not. */
  signals[SIGNAL_BOOK] =
    g_signal_new ("book", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_BOOLEAN);
}

static void
lh_soonest_card_init (LhSoonestCard *self)
{
  GtkWidget *heading = gtk_label_new (_("The soonest free computer"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "lh-soonest-card");
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "lh-section-title");
  gtk_box_append (GTK_BOX (self), heading);
  self->when = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->when, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->when), "lh-lead");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->when));

  /* Translators: a button that books the hour shown, in paid work time */
  self->paid_button = book_button_new (self, _("Book – work time"));
  gtk_widget_add_css_class (self->paid_button, "suggested-action");
  /* Translators: a button that books the hour shown, in the person's own time */
  self->own_button = book_button_new (self, _("Book – my own time"));
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_box_append (GTK_BOX (buttons), self->paid_button);
  gtk_box_append (GTK_BOX (buttons), self->own_button);
  gtk_box_append (GTK_BOX (self), buttons);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

GtkWidget *
lh_soonest_card_new (void)
{
  return g_object_new (LH_TYPE_SOONEST_CARD, NULL);
}

void
lh_soonest_card_set_client (LhSoonestCard *self,
                            LhClient      *client)
{
  g_return_if_fail (LH_IS_SOONEST_CARD (self));
  g_return_if_fail (client == NULL || LH_IS_CLIENT (client));

  g_set_object (&self->client, client);
}

void
lh_soonest_card_set_person (LhSoonestCard  *self,
                            const LhPerson *person)
{
  g_return_if_fail (LH_IS_SOONEST_CARD (self));

  self->for_person = !self->not_here && lh_may (person, LH_WAY_BOOK_COMPUTERS);
  look (self);
}

void
lh_soonest_card_set_on_pc (LhSoonestCard *self,
                           gboolean       on_pc)
{
  g_return_if_fail (LH_IS_SOONEST_CARD (self));

  self->not_here = on_pc;
}
