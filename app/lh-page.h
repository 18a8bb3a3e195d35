/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the book, bookings and groups pages share: the client and its
 * online state, a content stack that loads with a late spinner and an
 * error page, and a confirm view with a busy button. Each page's template
 * has the children named in lh_page_class_set_template(). */
#pragma once

#include <adwaita.h>

#include "lh-client.h"

G_BEGIN_DECLS

#define LH_TYPE_PAGE (lh_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (LhPage, lh_page, LH, PAGE, AdwBin)

struct _LhPageClass
{
  AdwBinClass parent_class;

  /* Connects the page's own signals of @client, with the page as data. */
  void (*connect_client) (LhPage   *self,
                          LhClient *client);
  /* Makes the page's own controls follow the online state. */
  void (*update_online)  (LhPage   *self,
                          gboolean  online);
  /* Loads the content afresh. */
  void (*load)           (LhPage   *self);
  /* Something changed elsewhere, or the client is back online, while
   * the page is on screen. */
  void (*refresh)        (LhPage   *self);
};

void          lh_page_set_client          (LhPage     *self,
                                           LhClient   *client);
LhClient     *lh_page_get_client          (LhPage     *self);
/* "list", "day", "confirm", "done"… */
const char   *lh_page_get_view            (LhPage     *self);

/* For the pages themselves. */
void          lh_page_class_set_template  (GtkWidgetClass *widget_class,
                                           const char     *resource,
                                           gboolean        with_message);
void          lh_page_set_content         (LhPage     *self,
                                           const char *content);
gboolean      lh_page_content_is          (LhPage     *self,
                                           const char *content);
gboolean      lh_page_is_online           (LhPage     *self);
void          lh_page_update_online       (LhPage     *self);
void          lh_page_set_view            (LhPage     *self,
                                           const char *view);
gboolean      lh_page_view_is             (LhPage     *self,
                                           const char *view);
void          lh_page_show_message        (LhPage     *self,
                                           const char *message);
GCancellable *lh_page_begin_load          (LhPage     *self,
                                           gboolean    keep_content);
gboolean      lh_page_end_load            (LhPage     *self,
                                           const GError *error);
void          lh_page_refresh             (LhPage     *self,
                                           gboolean    later);
void          lh_page_refresh_if_shown    (LhPage     *self);
gboolean      lh_page_is_stale            (LhPage     *self);
void          lh_page_show_confirm        (LhPage     *self,
                                           const char *facts,
                                           gboolean    focus_back);
GtkButton    *lh_page_get_confirm_button  (LhPage     *self);
void          lh_page_show_confirm_error  (LhPage     *self,
                                           const char *message);
gboolean      lh_page_can_confirm         (LhPage     *self);
void          lh_page_begin_confirm       (LhPage     *self);
void          lh_page_end_confirm         (LhPage     *self);
void          lh_page_reset               (LhPage     *self,
                                           const char *first_view);
/* Shows the list view and begins loading it; a reload keeps the old
 * list in view until the new one comes. */
GCancellable *lh_page_begin_list_load     (LhPage     *self);
/* Refreshes the page, if it is on screen, when client's event stream
 * says detailed_signal ("event::group-session-changed"…). */
void          lh_page_refresh_on_event    (LhPage     *self,
                                           LhClient   *client,
                                           const char *detailed_signal);
/* The buttons anywhere inside widget follow sensitive; busy ones stay
 * as they are. */
void          lh_page_set_buttons_sensitive (GtkWidget *widget,
                                             gboolean   sensitive);

G_END_DECLS
