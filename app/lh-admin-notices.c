/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-admin-notices"

#include "lh-admin-notices.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-time-format.h"

struct _LhAdminNotices
{
  GtkBox        parent_instance;

  LhClient     *client;       /* (owned) (nullable) */
  GCancellable *cancellable;  /* (owned) (nullable) the read under way */
  GtkLabel     *heading;
  GtkWidget    *rows;
  gboolean      for_admin;
};

G_DEFINE_FINAL_TYPE (LhAdminNotices, lh_admin_notices, GTK_TYPE_BOX)

static const char *
category_words (const char *category)
{
  static const struct { const char *category; const char *words; } words[] = {
    { "programs", N_("programs will not start") },
    { "internet", N_("no internet") },
    { "keyboard-mouse", N_("keyboard or mouse") },
    { "screen", N_("screen") },
    { "sound", N_("sound") },
    { "printer", N_("printer") },
  };

  for (guint i = 0; category != NULL && i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (category, words[i].category))
      return _(words[i].words);
  return _("something else");
}

static const char *
kind_words (const char *kind)
{
  static const struct { const char *kind; const char *words; } words[] = {
    { "computer", N_("computer") },
    { "monitor", N_("monitor") },
    { "desk", N_("desk") },
    { "chair", N_("chair") },
    { "lockable-cabinet", N_("lockable cabinet") },
    { "headset", N_("headset") },
    { "printer", N_("printer") },
    { "accessibility", N_("accessibility equipment") },
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (kind, words[i].kind))
      return _(words[i].words);
  return _("item");
}

/* Which item: "PC 5 (LC-0005)", "LC-0241 (headset)", "every chair" or
 * "the centre". */
static char *
item_words (const LhAdminNotice *notice)
{
  if (notice->asset_tag != NULL && notice->pc != NULL)
    return g_strdup_printf ("%s (%s)", notice->pc, notice->asset_tag);
  if (notice->asset_tag != NULL)
    return g_strdup_printf ("%s (%s)", notice->asset_tag, kind_words (notice->kind));
  if (notice->kind != NULL)
    /* Translators: a check of every item of a kind, e.g. "every chair" */
    return g_strdup_printf (_("every %s"), kind_words (notice->kind));
  return g_strdup (_("the centre"));
}

char *
lh_admin_notice_describe (const LhAdminNotice *notice)
{
  g_autofree char *item = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (notice != NULL, NULL);

  item = item_words (notice);
  if (g_str_equal (notice->type, "fault-reported"))
    /* Translators: "New fault on PC 5 (LC-0005): keyboard or mouse." */
    return g_strdup_printf (_("New fault on %s: %s."), item, category_words (notice->category));
  if (g_str_equal (notice->type, "fault-overdue") && notice->reported_at != NULL)
    {
      day = lh_format_day_long (notice->reported_at);
      /* Translators: "Repair overdue on LC-0241 (headset): sound, reported
       * Friday 27 November." */
      return g_strdup_printf (_("Repair overdue on %s: %s, reported %s."), item, category_words (notice->category),
                              day);
    }
  if (notice->due != NULL && g_str_equal (notice->type, "check-due"))
    {
      day = lh_format_day_long (notice->due);
      /* Translators: "Check due Saturday 12 December: Electrical safety
       * test (PAT), every computer." */
      return g_strdup_printf (_("Check due %s: %s, %s."), day, notice->check_what, item);
    }
  if (notice->due != NULL && g_str_equal (notice->type, "check-overdue"))
    {
      day = lh_format_day_long (notice->due);
      /* Translators: "Check overdue since Monday 30 November: Printer
       * service, LC-0501 (printer)." */
      return g_strdup_printf (_("Check overdue since %s: %s, %s."), day, notice->check_what, item);
    }
  /* A kind of notice this kiosk does not know yet. */
  return g_strdup_printf (_("Something needs seeing to: %s."), item);
}

static void refresh (LhAdminNotices *self);

static void
dismissed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LhAdminNotices) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Already gone (another admin dismissed it) is as good as dismissed. */
  if (!lh_client_dismiss_admin_notice_finish (LH_CLIENT (source), result, &error))
    g_debug ("Dismissing a notice: %s", error->message);
  refresh (self);
}

static void
dismiss_clicked_cb (GtkButton      *button,
                    LhAdminNotices *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "lh-notice-id");

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  lh_client_dismiss_admin_notice_async (self->client, *id, NULL, dismissed_cb, g_object_ref (self));
}

/* A check is recorded done on the Equipment page: the way there. */
static GtkWidget *
checks_button (const char *text)
{
  GtkWidget *button = gtk_button_new_with_label (_("See the checks"));
  /* Translators: a screen reader's name for the button, with the notice */
  g_autofree char *a11y = g_strdup_printf (_("See the checks: %s"), text);

  gtk_widget_set_size_request (button, 150, 48);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "see-checks");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.equipment");
  return button;
}

static GtkWidget *
notice_row (LhAdminNotices      *self,
            const LhAdminNotice *notice)
{
  g_autofree char *text = lh_admin_notice_describe (notice);
  g_autofree char *dismiss_label = NULL;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gboolean overdue = g_str_has_suffix (notice->type, "-overdue");
  GtkWidget *icon = gtk_image_new_from_icon_name (overdue ? "dialog-warning-symbolic"
                                                          : "dialog-information-symbolic");
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new_with_label (_("Dismiss"));

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  /* The icon repeats the words: screen readers skip it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_can_focus (icon, FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  /* A touch target a finger finds, and no taller: the tiles below keep
   * their room. */
  gtk_widget_set_size_request (button, 150, 48);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: a screen reader's name for the button, with the notice */
  dismiss_label = g_strdup_printf (_("Dismiss: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, dismiss_label, -1);
  g_object_set_data_full (G_OBJECT (button), "lh-notice-id", g_memdup2 (&notice->id, sizeof notice->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (dismiss_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), label);
  if (notice->check_what != NULL)
    gtk_box_append (GTK_BOX (row), checks_button (text));
  gtk_box_append (GTK_BOX (row), button);
  gtk_widget_add_css_class (row, "lh-admin-notice");
  return row;
}

static void
clear_rows (LhAdminNotices *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LhAdminNotices *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = lh_client_list_admin_notices_finish (LH_CLIENT (source), result, &error);
  g_autofree char *heading = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_ADMIN_NOTICES (user_data);
  g_clear_object (&self->cancellable);
  if (notices == NULL)
    {
      /* The next change, or sign-in, reads them again. */
      g_debug ("Reading the admins' notices: %s", error->message);
      return;
    }
  clear_rows (self);
  for (guint i = 0; i < notices->len; i++)
    gtk_box_append (GTK_BOX (self->rows), notice_row (self, g_ptr_array_index (notices, i)));
  heading = g_strdup_printf (ngettext ("For the admin: %u thing to see to", "For the admin: %u things to see to",
                                       notices->len), notices->len);
  gtk_label_set_label (self->heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self), self->for_admin && notices->len > 0);
}

static void
refresh (LhAdminNotices *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (!self->for_admin || self->client == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  lh_client_list_admin_notices_async (self->client, self->cancellable, listed_cb, self);
}

static void
changed_cb (LhClient       *client,
            const char     *type,
            JsonNode       *data,
            LhAdminNotices *self)
{
  refresh (self);
}

/* Back online: what changed meanwhile was not heard. */
static void
online_cb (LhClient       *client,
           GParamSpec     *pspec,
           LhAdminNotices *self)
{
  if (lh_client_get_online (client))
    refresh (self);
}

void
lh_admin_notices_set_client (LhAdminNotices *self,
                             LhClient       *client)
{
  g_return_if_fail (LH_IS_ADMIN_NOTICES (self));
  g_return_if_fail (LH_IS_CLIENT (client));

  g_set_object (&self->client, client);
  g_signal_connect_object (client, "event::admin-notices-changed", G_CALLBACK (changed_cb), self, 0);
  g_signal_connect_object (client, "notify::online", G_CALLBACK (online_cb), self, 0);
}

void
lh_admin_notices_set_person (LhAdminNotices *self,
                             const LhPerson *person)
{
  g_return_if_fail (LH_IS_ADMIN_NOTICES (self));

  self->for_admin = lh_may (person, LH_WAY_ADMIN);
  if (!self->for_admin)
    {
      clear_rows (self);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
    }
  refresh (self);
}

static void
lh_admin_notices_dispose (GObject *object)
{
  LhAdminNotices *self = LH_ADMIN_NOTICES (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (lh_admin_notices_parent_class)->dispose (object);
}

static void
lh_admin_notices_class_init (LhAdminNoticesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_admin_notices_dispose;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lh_admin_notices_init (LhAdminNotices *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 8);
  /* The page's width: one line each where it fits, so that the tiles
   * below keep their room. */
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_FILL);
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "lh-section-title");
  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (self), self->rows);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->heading, NULL,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lh_admin_notices_new (void)
{
  return g_object_new (LH_TYPE_ADMIN_NOTICES, NULL);
}
