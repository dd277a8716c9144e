import { NotFoundScreen } from "@/components/ui/not-found-screen";
import { t } from "@/lib/i18n";

export default function StaffNotFound() {
  return <NotFoundScreen title={t.org.staff.notFound} />;
}
