import { NotFoundScreen } from "@/components/ui/not-found-screen";
import { t } from "@/lib/i18n";

export default function ResidentNotFound() {
  return <NotFoundScreen title={t.resident.notFound} />;
}
