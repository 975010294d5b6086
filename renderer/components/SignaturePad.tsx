import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import SignaturePadLib from 'signature_pad';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SignaturePadProps {
  /** PNG data URL of the signature, or null when the pad is empty. */
  onChange: (dataUrl: string | null) => void;
  width?: number;
  height?: number;
}

/** On-screen signature capture (mouse, touch, pen) producing the PNG used in report sign-off blocks. */
export function SignaturePad({ onChange, width = 460, height = 160 }: SignaturePadProps) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePadLib | null>(null);
  // The pad's stroke listener is set up once; the latest onChange is read through a ref, never a stale one.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const emit = () =>
    onChangeRef.current(pad.current && !pad.current.isEmpty() ? pad.current.toDataURL('image/png') : null);
  useEffect(() => {
    const el = canvas.current!;
    // Draw at device resolution so the signature stays crisp in the PDF.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    el.width = width * ratio;
    el.height = height * ratio;
    el.getContext('2d')!.scale(ratio, ratio);
    const p = new SignaturePadLib(el, { penColor: '#1a2a6c', minWidth: 0.8, maxWidth: 2.4 });
    p.addEventListener('endStroke', emit);
    pad.current = p;
    return () => {
      p.off();
      pad.current = null;
    };
  }, [width, height]);
  const undo = () => {
    const data = pad.current?.toData() ?? [];
    data.pop();
    pad.current?.fromData(data);
    emit();
  };
  return (
    <div>
      <canvas
        ref={canvas}
        data-testid="signature-pad"
        aria-label={t('signature.pad')}
        style={{
          width,
          height,
          border: '1px solid #d9d9d9',
          borderRadius: 4,
          touchAction: 'none',
          background: '#fff',
          display: 'block',
        }}
      />
      <Flex gap={8} style={{ marginTop: 6 }}>
        <Button size="small" icon={<UndoOutlined />} onClick={undo}>
          {t('signature.undo')}
        </Button>
        <Button
          size="small"
          icon={<ClearOutlined />}
          onClick={() => {
            pad.current?.clear();
            emit();
          }}
        >
          {t('signature.clear')}
        </Button>
      </Flex>
    </div>
  );
}
