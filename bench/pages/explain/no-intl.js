// `node bench/explain-render.js` only: a stand-in for the Intl APIs the elements use, with no ICU
// behind it (the dates and lists it writes are wrong on purpose, in any language). It measures what
// the first Intl call of a fresh renderer costs the render ratio; no page of the package loads it.
(function () {
  class DateTimeFormat {
    format(date) {
      return `${new Date(date).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    }
    formatToParts(date) {
      return [{ type: 'literal', value: this.format(date) }];
    }
    resolvedOptions() {
      return { locale: 'en', timeZone: 'UTC' };
    }
  }
  class ListFormat {
    format(items) {
      return items.join(' and ');
    }
    formatToParts(items) {
      const parts = [];
      items.forEach((item, i) => {
        if (i) parts.push({ type: 'literal', value: i === items.length - 1 ? ' and ' : ', ' });
        parts.push({ type: 'element', value: item });
      });
      return parts;
    }
  }
  class NumberFormat {
    format(n) {
      return String(n);
    }
  }
  Intl.DateTimeFormat = DateTimeFormat;
  Intl.ListFormat = ListFormat;
  Intl.NumberFormat = NumberFormat;
  Intl.getCanonicalLocales = (locales) => [].concat(locales ?? []);
})();
