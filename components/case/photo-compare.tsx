import { beforeAndAfter, type StagedPhoto } from "@/lib/case/photos/photo-stage";
import { casePhotoStages } from "@/lib/i18n/zh-CN/case-inbox";

const text = casePhotoStages;

/**
 * 处置前后对比 for the verifier (核查): the photos of the problem (上报, and 处置前 taken at 处置) in the left
 * column, the result sent with 反馈 (处置后) in the right one, each labelled by its stage, each a link to the
 * full photo.
 */
export function PhotoCompare({ photos }: { photos: readonly StagedPhoto[] }) {
  const { before, after } = beforeAndAfter(photos);
  return (
    <div className="grid grid-cols-2 gap-4" data-testid="photo-compare">
      <Column title={text.before} photos={before} empty={text.noBefore} testId="photo-compare-before" />
      <Column title={text.after} photos={after} empty={text.noAfter} testId="photo-compare-after" />
    </div>
  );
}

function Column({ title, photos, empty, testId }: { title: string; photos: StagedPhoto[]; empty: string; testId: string }) {
  return (
    <figure className="min-w-0 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" data-testid={testId}>
      <figcaption className="mb-2 text-xs font-medium text-slate-600">{title}</figcaption>
      {photos.length === 0 ? (
        <p className="py-6 text-center text-xs text-slate-400">{empty}</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {photos.map((p, i) => (
            <li key={p.id} data-testid="compare-photo" data-stage={p.stage} data-photo-id={p.id}>
              <a
                href={`/api/case-photos/${p.id}`}
                target="_blank"
                rel="noreferrer"
                className="block focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- private photos behind the session, not optimisable */}
                <img
                  src={`/api/case-photos/${p.id}`}
                  alt={text.alt(text.labels[p.stage], i + 1)}
                  className="h-40 w-40 rounded object-cover ring-1 ring-slate-200"
                />
              </a>
              <span className="mt-1 block text-[11px] text-slate-500">{text.labels[p.stage]}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
