import { StaffTableSkeleton } from "@/components/staff/staff-table";

/** While the staff pages load: the Chinese loading notice. */
export default function Loading() {
  return (
    <main className="flex-1 bg-slate-50 p-6">
      <StaffTableSkeleton />
    </main>
  );
}
