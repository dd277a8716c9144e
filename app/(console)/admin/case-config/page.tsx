import { redirect } from "next/navigation";

/** The configuration starts at the category tree. */
export default function CaseConfigIndex() {
  redirect("/admin/case-config/categories");
}
