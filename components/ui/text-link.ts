/** An inline link in the console's text (sky, underlined on hover, a focus ring for the keyboard). */
export const textLinkClass =
  "rounded text-sky-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500";
