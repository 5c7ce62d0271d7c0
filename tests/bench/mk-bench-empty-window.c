/* mk-bench-empty-window.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The baseline of the start-up benchmark: the least a libadwaita app can do,
 * an empty AdwApplicationWindow that reports its first painted frame the way
 * Mediakit does and quits. */

#include <adwaita.h>

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  gtk_window_destroy (window);
}

static void
map_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), widget, 0);
}

/* With --shell: the least window of Mediakit's design, a header bar whose
 * view switcher shows five titled sections and a label in the visible one.
 * Its ratio to the empty window is the floor any start-up of the real
 * window stands on (fonts, the icon theme, the switcher's buttons). */
static gboolean shell;

static void
add_shell (GtkWidget *window)
{
  static const struct { const char *name, *icon; } pages[] = {
    { "Calendar", "x-office-calendar-symbolic" },
    { "Portfolio", "image-x-generic-symbolic" },
    { "Metrics", "network-cellular-signal-excellent-symbolic" },
    { "Reviews", "starred-symbolic" },
    { "Activity", "document-open-recent-symbolic" },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *stack = adw_view_stack_new ();
  GtkWidget *title = adw_view_switcher_title_new ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwViewStackPage *page = adw_view_stack_add_titled (ADW_VIEW_STACK (stack),
                                                          gtk_label_new (pages[i].name),
                                                          pages[i].name, pages[i].name);

      adw_view_stack_page_set_icon_name (page, pages[i].icon);
    }
  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), ADW_VIEW_STACK (stack));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), stack);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_title (GTK_WINDOW (window), "Empty");
  if (shell)
    add_shell (window);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  shell = argc > 1 && g_str_equal (argv[1], "--shell");
  app = adw_application_new ("io.github.mediakit.BenchEmptyWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
