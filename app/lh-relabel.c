/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-relabel"

#include "lh-relabel.h"

#include <glib/gi18n.h>

typedef struct
{
  char *msgid;  /* (owned) the words as the template gave them, in English */
  char *shown;  /* (owned) the words this module last put there */
} Noted;

static GQuark noted_quark;
static GQuark noted_name_quark;
static GQuark noted_description_quark;
static GQuark skip_quark;

static void
ensure_quarks (void)
{
  if (noted_quark == 0)
    noted_quark = g_quark_from_static_string ("lh-relabel-noted");
  if (noted_name_quark == 0)
    noted_name_quark = g_quark_from_static_string ("lh-relabel-noted-name");
  if (noted_description_quark == 0)
    noted_description_quark = g_quark_from_static_string ("lh-relabel-noted-description");
  if (skip_quark == 0)
    skip_quark = g_quark_from_static_string ("lh-relabel-skip");
}

void
lh_relabel_skip (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  ensure_quarks ();
  g_object_set_qdata (G_OBJECT (widget), skip_quark, GINT_TO_POINTER (TRUE));
}

static void
noted_free (gpointer data)
{
  Noted *noted = data;

  g_free (noted->msgid);
  g_free (noted->shown);
  g_free (noted);
}

static void
note (GObject    *object,
      GQuark      quark,
      const char *text)
{
  Noted *noted;

  if (text == NULL || *text == '\0' || g_object_get_qdata (object, quark) != NULL)
    return;
  noted = g_new0 (Noted, 1);
  noted->msgid = g_strdup (text);
  noted->shown = g_strdup (text);
  g_object_set_qdata_full (object, quark, noted, noted_free);
}

/* The words to show now, or NULL to leave them: the code wrote others. */
static const char *
translate (GObject    *object,
           GQuark      quark,
           const char *now)
{
  Noted *noted = g_object_get_qdata (object, quark);

  if (noted == NULL || g_strcmp0 (now, noted->shown) != 0)
    return NULL;
  g_free (noted->shown);
  noted->shown = g_strdup (gettext (noted->msgid));
  return noted->shown;
}

/* A property a screen reader says (the name, the description), as a
 * template or the code set it. GTK 4.8 has no getter for an accessible
 * property; its test API's check gives the value back when it differs
 * from the one asked about (a string no name is). */
static char *
accessible_text (GtkWidget             *widget,
                 GtkAccessibleProperty  property)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");
}

static void
walk_accessible (GtkWidget             *widget,
                 GtkAccessibleProperty  property,
                 GQuark                 quark,
                 gboolean               noting)
{
  g_autofree char *text = accessible_text (widget, property);
  const char *words;

  if (text == NULL)
    return;
  if (noting)
    note (G_OBJECT (widget), quark, text);
  else if ((words = translate (G_OBJECT (widget), quark, text)) != NULL && g_strcmp0 (words, text) != 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), property, words, -1);
}

/* Names and descriptions set once when a page was built (in its template,
 * or by its code) follow the language as the visible words do. */
static void
walk_name (GtkWidget *widget,
           gboolean   noting)
{
  walk_accessible (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, noted_name_quark, noting);
  walk_accessible (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, noted_description_quark, noting);
}

static void
walk (GtkWidget *widget,
      gboolean   noting)
{
  if (g_object_get_qdata (G_OBJECT (widget), skip_quark) != NULL)
    return;
  walk_name (widget, noting);
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_label (GTK_LABEL (widget));
      const char *words;

      if (noting)
        note (G_OBJECT (widget), noted_quark, text);
      else if ((words = translate (G_OBJECT (widget), noted_quark, text)) != NULL && g_strcmp0 (words, text) != 0)
        gtk_label_set_label (GTK_LABEL (widget), words);
    }
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (pages, i);
          GtkStackPage *page = GTK_STACK_PAGE (item);
          const char *title = gtk_stack_page_get_title (page);
          const char *words;

          if (noting)
            note (G_OBJECT (page), noted_quark, title);
          else if ((words = translate (G_OBJECT (page), noted_quark, title)) != NULL)
            gtk_stack_page_set_title (page, words);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, noting);
}

void
lh_relabel_note (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  ensure_quarks ();
  walk (root, TRUE);
}

void
lh_relabel (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  ensure_quarks ();
  walk (root, FALSE);
}
