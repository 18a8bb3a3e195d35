/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-home-page"

#include "lh-home-page.h"

#include <glib/gi18n.h>

struct _LhHomePage
{
  AdwBin     parent_instance;

  /* template children (unowned) */
  GtkLabel  *hello_label;
  GtkWidget *book_tile;
  GtkWidget *bookings_tile;
};

G_DEFINE_FINAL_TYPE (LhHomePage, lh_home_page, ADW_TYPE_BIN)

static void
lh_home_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LH_TYPE_HOME_PAGE);

  G_OBJECT_CLASS (lh_home_page_parent_class)->dispose (object);
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
  gtk_widget_class_bind_template_child (widget_class, LhHomePage, bookings_tile);
}

static void
lh_home_page_init (LhHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lh_home_page_set_person (self, NULL);
}

void
lh_home_page_set_person (LhHomePage     *self,
                         const LhPerson *person)
{
  g_autofree char *hello = NULL;

  g_return_if_fail (LH_IS_HOME_PAGE (self));

  /* Only learners may book; a tile that can only fail is not shown. */
  gtk_widget_set_visible (self->book_tile, person == NULL || lh_person_has_role (person, "learner"));
  if (person == NULL || person->name == NULL)
    {
      gtk_label_set_label (self->hello_label, _("Hello"));
      return;
    }
  /* Translators: a greeting with the person's name, e.g. "Hello, Amira Khan" */
  hello = g_strdup_printf (_("Hello, %s"), person->name);
  gtk_label_set_label (self->hello_label, hello);
}
