"use client";

import { useEffect, useRef } from "react";

/**
 * Placed inside a GET form: on submit, fields left empty are disabled so they stay out of the URL
 * ("/cases?state=open", not "/cases?q=&from=&to=&…&state=open"). Without scripts the form still works,
 * only with a longer URL.
 */
export function DropEmptyFields() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const onSubmit = () => {
      const fields = Array.from(form.elements) as (HTMLInputElement | HTMLSelectElement)[];
      const emptied = fields.filter((f) => f.name && !f.disabled && "value" in f && f.value === "");
      for (const f of emptied) f.disabled = true;
      // Re-enable right after the browser has read the form (the page may stay, e.g. on a soft navigation).
      setTimeout(() => emptied.forEach((f) => (f.disabled = false)), 0);
    };
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, []);
  return <span ref={ref} hidden />;
}
