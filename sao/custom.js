/* This file is part of the KIM NRW Tryton suite.  The COPYRIGHT file at the
 * top level of this repository contains the full copyright notices and
 * license terms.
 *
 * The suite's additions to the sao web client, loaded by its index.html
 * from the root the server serves ([web] root).
 *
 * A list with a context (the period and the organisation of the
 * statistics) is searched again as soon as a value of its context changes:
 * sao applies the context only on the next search, so the list would keep
 * showing the figures of the previous period.
 */
(function() {
    'use strict';
    var init = Sao.Screen.prototype.init;
    Sao.Screen.prototype.init = function() {
        init.apply(this, arguments);
        if (this.context_screen) {
            this.context_screen.kim_list_screen = this;
        }
    };

    var context_of = function(screen) {
        var record = screen.context_screen.current_record;
        if (!record) {
            return null;
        }
        var values = screen.context_screen.get_on_change_value();
        delete values.id;
        return JSON.stringify(values);
    };

    var search_filter = Sao.Screen.prototype.search_filter;
    Sao.Screen.prototype.search_filter = function(search_string, only_ids) {
        if (this.context_screen &&
                this.context_screen_prm.state() != 'pending') {
            this.kim_searched_context = context_of(this);
        }
        return search_filter.apply(this, arguments);
    };

    var record_modified = Sao.Screen.prototype.record_modified;
    Sao.Screen.prototype.record_modified = function() {
        var result = record_modified.apply(this, arguments);
        var list = this.kim_list_screen;
        if (list && list.kim_searched_context !== undefined) {
            var record = this.current_record;
            var context = context_of(list);
            if (record && record.validate(null, true, null) &&
                    context !== list.kim_searched_context) {
                list.search_filter(list.screen_container.get_text());
            }
        }
        return result;
    };
}());
