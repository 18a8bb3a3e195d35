/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-application"

#include "lh-application.h"

#include <glib/gi18n.h>

#include "lh-client.h"
#include "lh-display-window.h"
#include "lh-osk.h"
#include "lh-window.h"

struct _LhApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;      /* (owned) (nullable) NULL if the schema is not installed */
  /* from the command line (owned) (nullable) */
  char           *daemon_url;
  char           *device_token;
  char           *ca_file;
  gboolean        fullscreen;
  gboolean        display;       /* the public queue display (or the settings say) */
};

G_DEFINE_FINAL_TYPE (LhApplication, lh_application, ADW_TYPE_APPLICATION)

static char *
setting_string (LhApplication *self,
                const char    *key,
                const char    *fallback)
{
  if (self->settings == NULL)
    return g_strdup (fallback);
  return g_settings_get_string (self->settings, key);
}

/* The command line wins over the environment, which wins over GSettings. */
static char *
pick (const char    *option,
      const char    *env_name,
      LhApplication *self,
      const char    *key,
      const char    *fallback)
{
  const char *env = env_name ? g_getenv (env_name) : NULL;

  if (option != NULL && *option != '\0')
    return g_strdup (option);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return setting_string (self, key, fallback);
}

static void
lh_application_startup (GApplication *application)
{
  LhApplication *self = LH_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (lh_application_parent_class)->startup (application);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, LH_APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (LH_APPLICATION_ID);
  else
    g_message ("GSettings schema %s is not installed; using the defaults", LH_APPLICATION_ID);

  /* A kiosk looks the same whatever the desktop prefers. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
lh_application_activate (GApplication *application)
{
  LhApplication *self = LH_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *ca_file = NULL;
  g_autoptr(LhClient) client = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  url = pick (self->daemon_url, "LEARNHUB_DAEMON_URL", self, "daemon-url", "http://127.0.0.1:8080");
  token = pick (self->device_token, "LEARNHUB_DEVICE_TOKEN", self, "device-token", "");
  ca_file = pick (self->ca_file, NULL, self, "ca-file", "");
  g_debug ("Daemon at %s", url);

  client = lh_client_new (url, token, *ca_file ? ca_file : NULL);
  /* A queue display fills a screen on the wall: nobody signs in there. */
  if (self->display || (self->settings != NULL && g_settings_get_boolean (self->settings, "display")))
    {
      window = GTK_WINDOW (lh_display_window_new (GTK_APPLICATION (self), client));
      if (self->settings != NULL)
        g_settings_bind (self->settings, "high-contrast", window, "high-contrast", G_SETTINGS_BIND_GET);
      self->fullscreen = TRUE;
    }
  else
    window = GTK_WINDOW (lh_window_new (GTK_APPLICATION (self), client));

  if (self->settings != NULL && LH_IS_WINDOW (window))
    {
      g_autofree char *language = g_settings_get_string (self->settings, "language");

      /* The centre's defaults, for whoever is not signed in: a person's
       * own choice is theirs, kept by the daemon, never written here. */
      lh_window_set_defaults (LH_WINDOW (window), language,
                              g_settings_get_boolean (self->settings, "large-text"),
                              g_settings_get_boolean (self->settings, "high-contrast"));
    }
  /* The idle timing is the centre's: the daemon gives it. */

  if (self->fullscreen)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);

      /* Without a window manager (a bare X kiosk) fullscreen is only a
       * request nobody grants: be as big as the screen anyway. */
      if (monitor != NULL)
        {
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          gtk_window_set_default_size (window, geometry.width, geometry.height);
        }
      gtk_window_fullscreen (window);
    }
  gtk_window_present (window);
}

static int
lh_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  LhApplication *self = LH_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("learnhub-kiosk %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "daemon-url", "s", &self->daemon_url);
  g_variant_dict_lookup (options, "device-token", "s", &self->device_token);
  g_variant_dict_lookup (options, "ca-file", "^ay", &self->ca_file);
  self->fullscreen = g_variant_dict_contains (options, "fullscreen");
  self->display = g_variant_dict_contains (options, "display");
  /* A queue display is a program of its own, beside the kiosk on the same
   * machine if need be: not a second window of the kiosk's instance. */
  if (self->display)
    g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static void
lh_application_finalize (GObject *object)
{
  LhApplication *self = LH_APPLICATION (object);

  g_clear_object (&self->settings);
  g_free (self->daemon_url);
  g_free (self->device_token);
  g_free (self->ca_file);

  G_OBJECT_CLASS (lh_application_parent_class)->finalize (object);
}

/* Every window the kiosk opens, a dialog too, has the on-screen
 * keyboard for its text fields. A window still empty here attaches its
 * own once it has content (lh_osk_attach_window()). */
static void
lh_application_window_added (GtkApplication *application,
                             GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (lh_application_parent_class)->window_added (application, window);

  lh_osk_attach_window (window);
}

static void
lh_application_class_init (LhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = lh_application_finalize;
  app_class->startup = lh_application_startup;
  app_class->activate = lh_application_activate;
  app_class->handle_local_options = lh_application_handle_local_options;
  gtk_app_class->window_added = lh_application_window_added;
}

static void
lh_application_init (LhApplication *self)
{
  const GOptionEntry entries[] = {
    { "daemon-url", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Address of learnhubd, e.g. https://learnhub.example:8443"), N_("URL") },
    { "device-token", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("This kiosk's device token (from learnhubctl device add)"), N_("TOKEN") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Trust only the certificate authorities in this PEM file"), N_("FILE") },
    { "fullscreen", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Fill the whole screen"), NULL },
    { "display", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Be the queue display of the advice drop-ins: ticket numbers only, full screen"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The learning centre's touch-screen kiosk."));
}

LhApplication *
lh_application_new (void)
{
  return g_object_new (LH_TYPE_APPLICATION,
                       "application-id", LH_APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
